package io.dsap.jdbc.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dsap.jdbc.DsapDriver;
import java.sql.SQLException;
import java.util.Properties;
import org.apache.calcite.avatica.ConnectStringParser;
import org.junit.jupiter.api.Test;

/** The remote driver's presets and URL handling (the server round trips are in server/'s ITs). */
class DsapRemoteDriverTest {
  static Properties effective(String suffix, Properties info) throws SQLException {
    return ConnectStringParser.parse(suffix, DsapRemoteDriver.withPresets(suffix, info));
  }

  @Test
  void presetsApplyAndTheUrlWins() throws SQLException {
    Properties p = effective("url=http://h:1;http_response_timeout=5000", new Properties());
    assertEquals("protobuf", p.getProperty("serialization"));
    assertEquals("true", p.getProperty("transparent_reconnection"));
    assertEquals("10000", p.getProperty("http_connection_timeout"));
    assertEquals("5000", p.getProperty("http_response_timeout"), "the URL overrides a preset");
    Properties info = new Properties();
    info.setProperty("serialization", "json");
    assertEquals("json", effective("url=http://h:1", info).getProperty("serialization"), "so do the properties");
  }

  @Test
  void userAndPasswordBecomeBasicCredentials() throws SQLException {
    Properties info = new Properties();
    info.setProperty("user", "alice");
    info.setProperty("password", "pw");
    Properties p = effective("url=http://h:1", info);
    assertEquals("alice", p.getProperty("avatica_user"));
    assertEquals("pw", p.getProperty("avatica_password"));
    assertEquals("BASIC", p.getProperty("authentication"));
    Properties digest = effective("url=http://h:1;authentication=DIGEST", info);
    assertEquals("DIGEST", digest.getProperty("authentication"));
    Properties none = effective("url=http://h:1", new Properties());
    assertNull(none.getProperty("authentication"), "no user, no authentication header");
  }

  @Test
  void clearErrorsForAMissingAddressOrAnUnknownScheme() {
    SQLException e = assertThrows(SQLException.class, () -> DsapRemoteDriver.withPresets("", new Properties()));
    assertTrue(e.getMessage().contains("jdbc:dsap:remote:url=http://localhost:8765"), e.getMessage());
    SQLException a = assertThrows(SQLException.class,
        () -> DsapRemoteDriver.withPresets("url=http://h:1;authentication=TOKEN", new Properties()));
    assertTrue(a.getMessage().contains("BASIC or DIGEST"), a.getMessage());
  }

  @Test
  void theEmbeddedDriverClassAcceptsRemoteUrls() throws SQLException {
    DsapDriver d = new DsapDriver();
    assertTrue(d.acceptsURL("jdbc:dsap:remote:url=http://h:1"));
    assertFalse(d.acceptsURL("jdbc:avatica:remote:url=http://h:1"));
    boolean listsAvaticaProperties = false;
    for (var i : d.getPropertyInfo("jdbc:dsap:remote:url=http://h:1", new Properties())) {
      listsAvaticaProperties |= i.name.equals("http_response_timeout") && "600000".equals(i.value);
    }
    assertTrue(listsAvaticaProperties, "DBeaver's property editor shows the remote presets");
  }
}
