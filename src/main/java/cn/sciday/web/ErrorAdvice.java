package cn.sciday.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Turns domain exceptions into answers: JSON problem details under {@code /api}, the error page elsewhere.
 * Never shows a stack trace.
 */
@ControllerAdvice
class ErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(ErrorAdvice.class);

    static final String UNAVAILABLE = "系统暂时无法访问数据库，请稍后再试。";

    @ExceptionHandler(NotFoundException.class)
    Object notFound(NotFoundException e, HttpServletRequest request, HttpServletResponse response) {
        log.debug("404 {}: {}", request.getRequestURI(), e.getMessage());
        return answer(HttpStatus.NOT_FOUND, "找不到该内容，或您无权查看。", List.of(), request, response);
    }

    @ExceptionHandler(ConflictException.class)
    Object conflict(ConflictException e, HttpServletRequest request, HttpServletResponse response) {
        return answer(HttpStatus.CONFLICT, e.getMessage(), List.of(), request, response);
    }

    /** 429 with Retry-After (seconds), also given as {@code retryAfterSeconds} in the API's problem details. */
    @ExceptionHandler(TooManyRequestsException.class)
    Object tooMany(TooManyRequestsException e, HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Retry-After", String.valueOf(e.retryAfterSeconds()));
        Object answer = answer(HttpStatus.TOO_MANY_REQUESTS, e.getMessage(), List.of(), request, response);
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
        Object answer = answer(HttpStatus.SERVICE_UNAVAILABLE, UNAVAILABLE, List.of(), request, response);
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
        return answer(HttpStatus.CONFLICT, "该内容刚被他人修改，请刷新后再试。", List.of(), request, response);
    }

    @ExceptionHandler(InvalidInputException.class)
    Object invalid(InvalidInputException e, HttpServletRequest request, HttpServletResponse response) {
        return answer(HttpStatus.BAD_REQUEST, e.getMessage(), e.problems(), request, response);
    }

    @ExceptionHandler(BindException.class)
    Object bind(BindException e, HttpServletRequest request, HttpServletResponse response) {
        List<InvalidInputException.Problem> problems = e.getFieldErrors().stream()
                .map(f -> new InvalidInputException.Problem(f.getField(), f.getDefaultMessage()))
                .toList();
        return answer(HttpStatus.BAD_REQUEST, "提交的内容有误，请按提示修改。", problems, request, response);
    }

    static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    private Object answer(HttpStatus status, String message, List<InvalidInputException.Problem> problems,
            HttpServletRequest request, HttpServletResponse response) {
        if (isApi(request)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
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
