package cn.sciday.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Turns domain exceptions into answers: JSON problem details under {@code /api}, the error page elsewhere.
 * Never shows a stack trace. Messages are put into words in the request's language ({@link UserMessages}); problem
 * details also carry the message's key as {@code code} (and each field error's key), which clients can rely on.
 */
@ControllerAdvice
class ErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(ErrorAdvice.class);

    static final String UNAVAILABLE = "error.unavailable.detail";

    /** One field's problem as shown: on the error page and in the API's {@code errors}. */
    record FieldProblem(String field, String code, String message) {
    }

    private final UserMessages messages;

    ErrorAdvice(UserMessages messages) {
        this.messages = messages;
    }

    @ExceptionHandler(NotFoundException.class)
    Object notFound(NotFoundException e, HttpServletRequest request, HttpServletResponse response) {
        log.debug("404 {}: {}", request.getRequestURI(), e.getMessage());
        return answer(HttpStatus.NOT_FOUND, UserMessage.of("error.notFound.detail"), List.of(), request, response);
    }

    @ExceptionHandler(ConflictException.class)
    Object conflict(ConflictException e, HttpServletRequest request, HttpServletResponse response) {
        return answer(HttpStatus.CONFLICT, e.reason(), List.of(), request, response);
    }

    /** 429 with Retry-After (seconds), also given as {@code retryAfterSeconds} in the API's problem details. */
    @ExceptionHandler(TooManyRequestsException.class)
    Object tooMany(TooManyRequestsException e, HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Retry-After", String.valueOf(e.retryAfterSeconds()));
        Object answer = answer(HttpStatus.TOO_MANY_REQUESTS, e.reason(), List.of(), request, response);
        if (answer instanceof ResponseEntity<?> entity) {
            if (entity.getBody() instanceof ProblemDetail problem) {
                problem.setProperty("retryAfterSeconds", e.retryAfterSeconds());
            }
            return ResponseEntity.status(entity.getStatusCode()).headers(entity.getHeaders())
                    .header("Retry-After", String.valueOf(e.retryAfterSeconds())).body(entity.getBody());
        }
        return answer;
    }

    /**
     * The database cannot be reached (no connection within the pool's timeout, a broken connection, a transient
     * failure): 503 with Retry-After, so that clients and the load balancer retry instead of seeing an error.
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessException.class,
            RecoverableDataAccessException.class, CannotCreateTransactionException.class})
    Object databaseUnavailable(Exception e, HttpServletRequest request, HttpServletResponse response) {
        log.warn("503 {} {}: database unavailable ({})", request.getMethod(), request.getRequestURI(),
                DatabaseOutageFilter.rootMessage(e));
        String retryAfter = String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS);
        response.setHeader("Retry-After", retryAfter);
        Object answer = answer(HttpStatus.SERVICE_UNAVAILABLE, UserMessage.of(UNAVAILABLE), List.of(), request,
                response);
        if (answer instanceof ResponseEntity<?> entity) {
            return ResponseEntity.status(entity.getStatusCode()).headers(entity.getHeaders())
                    .header("Retry-After", retryAfter).body(entity.getBody());
        }
        return answer;
    }

    /** Someone else changed the record first (a transient failure, but not an outage): 409, not 503. */
    @ExceptionHandler(OptimisticLockingFailureException.class)
    Object changedMeanwhile(OptimisticLockingFailureException e, HttpServletRequest request,
            HttpServletResponse response) {
        return answer(HttpStatus.CONFLICT, UserMessage.of("error.changedMeanwhile"), List.of(), request, response);
    }

    /** 400: the detail is the first problem ("field: message"), {@code code} its key, {@code errors} every problem. */
    @ExceptionHandler(InvalidInputException.class)
    Object invalid(InvalidInputException e, HttpServletRequest request, HttpServletResponse response) {
        List<FieldProblem> problems = e.problems().stream()
                .map(p -> new FieldProblem(p.field(), messages.knownCode(p.reason()), messages.text(p.reason())))
                .toList();
        if (problems.isEmpty()) {
            return answer(HttpStatus.BAD_REQUEST, UserMessage.of("error.invalid.detail"), List.of(), request,
                    response);
        }
        FieldProblem first = problems.get(0);
        return answer(HttpStatus.BAD_REQUEST, first.field() + ": " + first.message(), first.code(), problems,
                request, response);
    }

    /** Bean Validation on a request's record: its messages are already in the request's language. */
    @ExceptionHandler(BindException.class)
    Object bind(BindException e, HttpServletRequest request, HttpServletResponse response) {
        List<FieldProblem> problems = e.getFieldErrors().stream()
                .map(f -> new FieldProblem(f.getField(), code(f), messages.text(f)))
                .toList();
        return answer(HttpStatus.BAD_REQUEST, UserMessage.of("error.invalid.detail"), problems, request, response);
    }

    /** The bundle key of a constraint's message ({@code {account.register.name.required}}), else the constraint. */
    private static String code(FieldError f) {
        try {
            String template = f.unwrap(jakarta.validation.ConstraintViolation.class).getMessageTemplate();
            if (template.startsWith("{") && template.endsWith("}")) {
                return template.substring(1, template.length() - 1);
            }
        } catch (IllegalArgumentException notAConstraint) {
            // a type mismatch or a rejected value: no template
        }
        return f.getCode();
    }

    static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    private Object answer(HttpStatus status, MessageSourceResolvable message, List<FieldProblem> problems,
            HttpServletRequest request, HttpServletResponse response) {
        return answer(status, messages.text(message), messages.knownCode(message), problems, request, response);
    }

    private Object answer(HttpStatus status, String message, String code, List<FieldProblem> problems,
            HttpServletRequest request, HttpServletResponse response) {
        if (isApi(request)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
            if (code != null) {
                problem.setProperty("code", code);
            }
            if (!problems.isEmpty()) {
                problem.setProperty("errors", problems);
            }
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        response.setStatus(status.value());
        ModelAndView view = new ModelAndView("error", Map.of(
                "status", status.value(), "message", message, "problems", problems));
        view.setStatus(status);
        return view;
    }
}
