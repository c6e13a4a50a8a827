package org.jinlin.circle.coverage;

import java.util.Optional;

/** Coverage runs: request one (staff), follow its progress, read the latest finished one. */
public interface CoverageRuns {

	/** Queue a run (or return the one already queued or running). */
	RunView request(String reason);

	/** The run queued or in progress, if any. */
	Optional<RunView> current();

	/** The last finished (DONE) run. */
	Optional<RunView> latest();

	Optional<RunView> find(long id);
}
