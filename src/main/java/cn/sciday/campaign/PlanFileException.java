package cn.sciday.campaign;

/** A plan file that cannot be loaded: names the file, the field and the problem. */
public class PlanFileException extends RuntimeException {

    private final String file;
    private final String field;
    private final String problem;

    public PlanFileException(String file, String field, String problem) {
        super("Plan file " + file + (field.isEmpty() ? "" : ", field '" + field + "'") + ": " + problem);
        this.file = file;
        this.field = field;
        this.problem = problem;
    }

    public String file() {
        return file;
    }

    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }
}
