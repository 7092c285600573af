package io.dsap.server;

import io.dsap.server.auth.Caller;
import io.dsap.server.auth.UserAccount;
import io.dsap.server.auth.UsersLoginService;
import java.io.IOException;
import java.security.Principal;
import java.util.List;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.HandlerWrapper;

/**
 * Makes the caller of the current HTTP request (user, address, permissions) known to the
 * server's Meta, which runs on the same thread. Sits behind authentication, in front of Avatica.
 */
final class RequestContext extends HandlerWrapper {
  private static final ThreadLocal<Caller> CURRENT = new ThreadLocal<>();

  private final ServerConfig config;
  private final UsersLoginService users; // null: no authentication

  RequestContext(ServerConfig config, UsersLoginService users) {
    this.config = config;
    this.users = users;
  }

  /** The caller of the request being handled on this thread. */
  static Caller caller() {
    Caller c = CURRENT.get();
    if (c == null) {
      throw new IllegalStateException("no request is being handled on this thread");
    }
    return c;
  }

  /** Runs {@code action} as {@code caller} (for tests and in-process use). */
  static void runAs(Caller caller, Runnable action) {
    Caller before = CURRENT.get();
    CURRENT.set(caller);
    try {
      action.run();
    } finally {
      CURRENT.set(before);
    }
  }

  @Override
  public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    CURRENT.set(resolve(request));
    try {
      super.handle(target, baseRequest, request, response);
    } finally {
      CURRENT.remove();
    }
  }

  private Caller resolve(HttpServletRequest request) {
    String address = request.getRemoteAddr();
    Principal p = request.getUserPrincipal();
    if (users == null) {
      return Caller.anonymous(address, config.roots().keySet());
    }
    if (p == null) { // cannot happen behind the security handler; if it does, allow nothing
      return Caller.of("unauthenticated", address, List.of(), config.roles(), config.roots().keySet());
    }
    UserAccount a = users.account(p.getName());
    List<String> roles = a == null ? List.of() : a.roles();
    return Caller.of(p.getName(), address, roles, config.roles(), config.roots().keySet());
  }
}
