package cn.sciday.activity;

import java.util.List;

/**
 * The answer to a batch endorse or approve. All or nothing: when {@code failed} is not empty nothing was changed,
 * and each failure says which activity and why.
 */
public record BatchResult(List<Long> done, List<Failure> failed) {

    /** An activity that could not be handled, with the reason a person reads. */
    public record Failure(long id, String name, String reason) {
    }

    public BatchResult {
        done = List.copyOf(done);
        failed = List.copyOf(failed);
    }

    public boolean ok() {
        return failed.isEmpty();
    }
}
