package org.jinlin.demands;

import java.util.OptionalLong;

import lombok.RequiredArgsConstructor;
import org.jinlin.demands.internal.DemandAccess;
import org.jinlin.demands.internal.DemandQueries;
import org.jinlin.shared.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The demand figures other modules show (the officials' home page), by the module's own permission rule. */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class DemandFigures {

	private final DemandQueries queries;

	/**
	 * Open demands past their sign-for or handling deadline in the actor's jurisdiction, as the search at
	 * {@code /demands?overdue=true} counts them; empty when the actor may not search demands.
	 */
	public OptionalLong overdueDemands(Actor actor) {
		if (!DemandAccess.measures(actor) || actor.isApiKey()) {
			return OptionalLong.empty();
		}
		return OptionalLong.of(queries.overdueCount(actor));
	}
}
