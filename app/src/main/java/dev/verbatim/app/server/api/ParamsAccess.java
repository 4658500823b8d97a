package dev.verbatim.app.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;

/** The login body: {@code {"token": "SECRET"}}. */
public final class ParamsAccess {
  private ParamsAccess() {}

  /** The token in a login request; 400 when missing. */
  public static String token(Context ctx) {
    JsonNode body = Params.body(ctx);
    String t = Params.text(body, "token", true, 512);
    return t.strip();
  }
}
