package cn.sciday.web;

import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses text that carries invisible control characters (NUL, ESC, BEL…: C0 controls other than tab and line
 * breaks, and DEL) with a 400 that names the field, in form and query parameters ({@link #interceptor()}) and in
 * JSON request bodies read into records. Such characters have no business in a name or a description; stored, they
 * would reach pages, spreadsheets and text messages as they are. Everything else (emoji, full-width, right-to-left
 * marks) is stored as given and escaped where it is shown. Text that arrives in a file (an imported spreadsheet) is
 * checked by its importer with {@link #contains(String)}.
 */
@ControllerAdvice
public class ControlCharacters extends RequestBodyAdviceAdapter {

    static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");
    static final String MESSAGE = "error.controlCharacters";
    /** What an importer says about a cell that {@link #contains(String) contains} one (a key of messages). */
    public static final String IN_FILE = "error.controlCharactersInFile";

    static HandlerInterceptor interceptor() {
        return new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                for (Map.Entry<String, String[]> p : request.getParameterMap().entrySet()) {
                    for (String value : p.getValue()) {
                        check(p.getKey(), value);
                    }
                }
                return true;
            }
        };
    }

    /** Whether the text carries an invisible control character (tab and line breaks are not). */
    public static boolean contains(String value) {
        return value != null && CONTROL.matcher(value).find();
    }

    static void check(String field, String value) {
        if (contains(value)) {
            throw new InvalidInputException(field, MESSAGE);
        }
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage input, MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        checkBody("", body, 0);
        return body;
    }

    private static void checkBody(String path, Object body, int depth) {
        if (body == null || depth > 4) {
            return;
        }
        if (body instanceof CharSequence s) {
            check(path.isEmpty() ? "body" : path, s.toString());
        } else if (body instanceof Collection<?> c) {
            for (Object o : c) {
                checkBody(path, o, depth + 1);
            }
        } else if (body instanceof Map<?, ?> m) {
            m.forEach((k, v) -> checkBody(path.isEmpty() ? String.valueOf(k) : path + "." + k, v, depth + 1));
        } else if (body.getClass().isRecord()) {
            for (Map.Entry<String, java.lang.reflect.Method> component : COMPONENTS.get(body.getClass())) {
                try {
                    String name = path.isEmpty() ? component.getKey() : path + "." + component.getKey();
                    checkBody(name, component.getValue().invoke(body), depth + 1);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + component.getKey(), e);
                }
            }
        }
    }

    /**
     * Each record type's components (name and accessor, made accessible once): reflection hands out new copies on
     * every call, and a fresh accessor costs more than the check.
     */
    private static final ClassValue<List<Map.Entry<String, java.lang.reflect.Method>>> COMPONENTS = new ClassValue<>() {
        @Override
        protected List<Map.Entry<String, java.lang.reflect.Method>> computeValue(Class<?> type) {
            List<Map.Entry<String, java.lang.reflect.Method>> components = new java.util.ArrayList<>();
            for (RecordComponent rc : type.getRecordComponents()) {
                java.lang.reflect.Method accessor = rc.getAccessor();
                if (accessor.trySetAccessible()) { // else a record of a module closed to reflection: none of ours
                    components.add(Map.entry(rc.getName(), accessor));
                }
            }
            return List.copyOf(components);
        }
    };
}
