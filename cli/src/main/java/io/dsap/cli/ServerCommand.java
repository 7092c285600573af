package io.dsap.cli;

import io.dsap.engine.config.Settings;
import io.dsap.server.ConfigException;
import io.dsap.server.auth.PasswordHash;
import io.dsap.server.auth.UserAccount;
import io.dsap.server.auth.UsersFile;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code dsap server add-user}: administration of the server's users file. */
@Command(name = "server", mixinStandardHelpOptions = true,
    description = "Administer the dsap server (see docs/server.md).",
    subcommands = {ServerCommand.AddUser.class},
    footer = {"", "Examples:", "  dsap server add-user alice --role reader",
        "  dsap help server add-user"})
final class ServerCommand implements Callable<Integer> {
  @ParentCommand
  Main main;
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "missing subcommand: add-user");
  }

  /** {@code dsap server add-user NAME [--role ROLE]... [--digest] [--users-file FILE]}. */
  @Command(name = "add-user", mixinStandardHelpOptions = true,
      description = {
          "Add a user to the server's users file, or replace one of the same name. The password is read from",
          "the terminal (asked twice), or else from the first line of standard input; never from the command line.",
          "It is stored as a salted PBKDF2-SHA512 hash; --digest also stores the MD5 that DIGEST login needs."},
      footer = {"", "Examples:", "  dsap server add-user alice --role reader",
          "  printf '%s\\n' \"$PASSWORD\" | dsap server add-user etl --role writer --users-file /etc/dsap/users",
          "  dsap server add-user bob --role sales_reader --digest"})
  static final class AddUser implements Callable<Integer> {
    @ParentCommand
    ServerCommand parent;

    @Parameters(index = "0", paramLabel = "NAME", description = "User name: letters, digits, _ . @ -")
    String name;

    @Option(names = "--role", paramLabel = "ROLE", description = "A role (repeatable): reader (default), writer,"
        + " or one defined in server.roles.")
    List<String> roles;

    @Option(names = "--digest", description = "Also store the hash DIGEST authentication needs (MD5 of"
        + " user:dsap:password; weaker than PBKDF2, only if clients must use DIGEST).")
    boolean digest;

    @Option(names = "--users-file", paramLabel = "FILE", description = "The users file (default: setting"
        + " server.users_file).")
    Path usersFile;

    @Override
    public Integer call() throws IOException {
      Main main = parent.main;
      Path file = usersFile;
      if (file == null) {
        Settings s = main.settings();
        file = s.serverUsersFile().orElseThrow(() -> new CliException("no users file: pass --users-file FILE or"
            + " set server.users_file in dsap.yaml"));
      }
      char[] password = readPassword(main.io());
      try {
        List<String> r = roles == null || roles.isEmpty() ? List.of("reader") : roles;
        UserAccount account = new UserAccount(name, PasswordHash.pbkdf2(password),
            digest ? PasswordHash.digestHa1(name, password) : null, r);
        boolean replaced = UsersFile.put(file, account);
        main.io().err().println((replaced ? "replaced" : "added") + " user " + name + " (roles "
            + String.join(", ", r) + ") in " + file);
      } catch (ConfigException e) {
        throw new CliException(e.getMessage(), e);
      } finally {
        Arrays.fill(password, '\0');
      }
      return ExitCodes.OK;
    }

    private char[] readPassword(Io io) throws IOException {
      Console console = System.console();
      if (console != null && io.stdinIsTerminal()) {
        char[] first = console.readPassword("password for %s: ", name);
        char[] second = console.readPassword("again: ");
        if (first == null || !Arrays.equals(first, second)) {
          throw new CliException("the two passwords differ; nothing was written");
        }
        Arrays.fill(second, '\0');
        return check(first);
      }
      BufferedReader in = new BufferedReader(new InputStreamReader(io.in(), StandardCharsets.UTF_8));
      String line = in.readLine();
      return check(line == null ? new char[0] : line.toCharArray());
    }

    private static char[] check(char[] password) {
      if (password.length < 8) {
        throw new CliException("the password needs at least 8 characters; nothing was written");
      }
      return password;
    }
  }
}
