package io.dsap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dsap.server.DsapServer;
import io.dsap.server.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dsap profile} and {@code dsap report} against a real dsap server ({@code --url
 * jdbc:dsap:remote:...}): the server reads its own files, so the answers equal a local run's.
 */
class RemoteReportTest {
  @TempDir
  Path tmp;

  @Test
  void profileAndReportRunOnTheServer() throws Exception {
    Path root = Files.createDirectories(tmp.resolve("data"));
    Files.copy(Path.of("../examples/orders.csv"), root.resolve("orders.csv"));
    Files.writeString(tmp.resolve("secret.csv"), "token\ntop-secret-value\n");
    try (DsapServer server = DsapServer.start(ServerConfig.builder().root(root).port(0).build())) {
      String url = "jdbc:dsap:remote:url=http://127.0.0.1:" + server.port();

      // the file exists only on the server's side: this command's folder has no orders.csv
      assertFalse(Files.exists(Path.of("orders.csv")));
      Cli.Result remote = Cli.run("--url", url, "profile", "orders.csv");
      Cli.Result local = Cli.run("--root", root.toString(), "profile", "orders.csv");
      assertEquals(0, remote.exitCode(), remote.toString());
      assertEquals(local.out(), remote.out(), "the same profile, computed by the server");
      assertTrue(remote.out().contains("customer_id"), remote.out());

      Cli.Result json = Cli.run("--url", url, "profile", "orders.csv", "--json");
      assertEquals(0, json.exitCode(), json.toString());
      assertTrue(json.out().contains("\"row_count\" : 237"), json.out());

      Path html = tmp.resolve("report.html");
      Cli.Result report = Cli.run("--url", url + ";password=hunter2-not-shown", "report", "orders.csv", "--html",
          html.toString());
      assertEquals(0, report.exitCode(), report.toString());
      Cli.Result localReport = Cli.run("--root", root.toString(), "report", "orders.csv", "--html",
          tmp.resolve("local.html").toString());
      // "quality report of orders.csv (overall N%, F of C checks failing) written to ..."
      assertEquals(scores(localReport.err()), scores(report.err()), report.err());
      String page = Files.readString(html);
      assertTrue(page.contains("orders.csv"), "the report names its file");
      assertFalse(page.contains("hunter2-not-shown"), "a password in the URL is not written into the report");

      // the server's root is the limit, and its folders are not shown
      Cli.Result outside = Cli.run("--url", url, "profile", "../secret.csv");
      assertEquals(2, outside.exitCode(), outside.toString());
      assertFalse(outside.err().contains(root.toString()), outside.err());
      assertFalse(outside.err().contains("top-secret-value"), outside.err());
      assertTrue(outside.err().toLowerCase(java.util.Locale.ROOT).contains("outside"), outside.err());
    }
  }

  private static String scores(String err) {
    int open = err.indexOf("(overall");
    return open < 0 ? err : err.substring(open, err.indexOf(')', open) + 1);
  }
}
