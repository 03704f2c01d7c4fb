package cn.sciday.web;

/** A record that does not exist or that the caller may not see: answers 404 so that nothing leaks. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what);
    }
}
