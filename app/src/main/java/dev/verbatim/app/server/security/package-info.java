/**
 * Who may call what: access tokens with roles, sessions for browsers, CSRF tokens, Host checks,
 * per-client rate limits and the security headers every response carries.
 */
@NullMarked
package dev.verbatim.app.server.security;

import org.jspecify.annotations.NullMarked;
