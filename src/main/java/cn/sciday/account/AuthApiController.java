package cn.sciday.account;

import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

import cn.sciday.web.Actor;
import cn.sciday.web.UserMessage;
import cn.sciday.web.UserMessages;

/** Tokens for the API: staff with username and password, the public with a mobile number and a one-time code. */
@RestController
class AuthApiController {

    record PasswordLogin(String username, String password) {
    }

    record CodeRequest(String mobile) {
    }

    record CodeLogin(String mobile, String code) {
    }

    record TokenJson(String token, Instant expiresAt, long tokenId) {
    }

    record CodeSent(long expiresInSeconds, long resendAfterSeconds) {
    }

    record Me(long id, String username, String displayName, String role, Long organizationId, boolean approved) {
    }

    /** A refused login: the message in the caller's language and its key. */
    record Problem(int status, String code, String detail) {
    }

    private final AuthenticationManager authentication;
    private final ApiTokens tokens;
    private final VerificationCodes codes;
    private final LoginLimits loginLimits;
    private final UserMessages messages;

    AuthApiController(AuthenticationManager apiAuthenticationManager, ApiTokens tokens, VerificationCodes codes,
            LoginLimits loginLimits, UserMessages messages) {
        this.loginLimits = loginLimits;
        this.messages = messages;
        this.authentication = apiAuthenticationManager;
        this.tokens = tokens;
        this.codes = codes;
    }

    @PostMapping("/api/v1/tokens")
    @Operation(summary = "A bearer token for a staff account (username and password); 401 when they are wrong, 429 "
            + "with Retry-After after too many attempts for the name or from the address")
    ResponseEntity<?> staffToken(@RequestBody PasswordLogin body, HttpServletRequest request) {
        loginLimits.check(body.username(), request.getRemoteAddr());
        try {
            Authentication auth = authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(
                    body.username() == null ? "" : body.username().strip(),
                    body.password() == null ? "" : body.password()));
            Actor actor = ((SciDayPrincipal) auth.getPrincipal()).actor();
            ApiTokens.Issued issued = tokens.issue(actor.accountId(), "API", ApiTokens.STAFF_TTL);
            return ResponseEntity.status(HttpStatus.CREATED)
                    .body(new TokenJson(issued.token(), issued.expiresAt(), issued.id()));
        } catch (LockedException e) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .body(unauthorized("account.error.apiLocked"));
        } catch (AuthenticationException e) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(unauthorized("account.error.badCredentials"));
        }
    }

    private Problem unauthorized(String code) {
        return new Problem(401, code, messages.text(UserMessage.of(code)));
    }

    @PostMapping("/api/v1/public/verification-codes")
    @Operation(summary = "Send a 6-digit code to a mobile number (valid 5 minutes; by default a new one after 60 "
            + "seconds, 5 an hour per number, 20 an hour per address; 429 with Retry-After beyond)")
    ResponseEntity<CodeSent> sendCode(@RequestBody CodeRequest body, HttpServletRequest request) {
        long valid = codes.send(body.mobile(), request.getRemoteAddr());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new CodeSent(valid, codes.resendAfter().toSeconds()));
    }

    @PostMapping("/api/v1/public/tokens")
    @Operation(summary = "A bearer token for a public user, in exchange for the mobile number and its code")
    ResponseEntity<TokenJson> publicToken(@RequestBody CodeLogin body, HttpServletRequest request) {
        Actor actor = codes.verify(body.mobile(), body.code(), request.getRemoteAddr());
        ApiTokens.Issued issued = tokens.issue(actor.accountId(), "公众", ApiTokens.PUBLIC_TTL);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new TokenJson(issued.token(), issued.expiresAt(), issued.id()));
    }

    @GetMapping("/api/v1/me")
    @Operation(summary = "Who the caller is")
    Me me(Actor actor) {
        return new Me(actor.accountId(), actor.username(), actor.displayName(), actor.role().name(),
                actor.organizationId(), actor.unitApproved());
    }

    @DeleteMapping("/api/v1/tokens/{id}")
    @Operation(summary = "Revoke one of the caller's tokens")
    ResponseEntity<Void> revoke(Actor actor, @PathVariable long id) {
        tokens.revoke(actor, id);
        return ResponseEntity.noContent().build();
    }
}
