package org.jinlin.party;

import java.util.List;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import org.jinlin.party.internal.PartyAccess;
import org.jinlin.party.internal.PartyDirectory;
import org.jinlin.shared.Actor;
import org.jinlin.shared.Paged;
import org.jinlin.shared.figures.CountedRecord;
import org.jinlin.shared.figures.Tally;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The party indicator for other modules (the quality cockpit): branch coverage, of the compounds (territory nodes of
 * level COMPOUND) under a territory inside the current staff member's jurisdiction, those covered by at least one
 * compound branch today — the same figure as the party coverage page. The records are the compounds, whose total is
 * the tally's {@code counted}. Staff only (403 otherwise); a territory outside the jurisdiction is not found (404).
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class PartyIndicators {

	private final PartyDirectory directory;

	private final Territories territories;

	/** Branch coverage today for the territory (the account's own node when {@code null}). */
	public Tally branchCoverage(String territoryCode) {
		TerritoryNode node = node(territoryCode);
		List<TerritoryNode> compounds = compounds(node);
		Set<Long> covered = directory.covered(node.path());
		return new Tally(compounds.stream().filter(c -> covered.contains(c.id())).count(), compounds.size());
	}

	/** The compounds the coverage counts, in code order, each marked whether a branch covers it. */
	public Paged<CountedRecord> branchCoverageRecords(String territoryCode, int page, int size) {
		TerritoryNode node = node(territoryCode);
		List<TerritoryNode> compounds = compounds(node);
		Set<Long> covered = directory.covered(node.path());
		List<CountedRecord> items = compounds.stream().skip((long) page * size).limit(size)
			.map(c -> new CountedRecord(c.id(), c.name(), c.code(), null, covered.contains(c.id()),
					"/party/organisations?territory=" + c.code()))
			.toList();
		return new Paged<>(items, page, size, compounds.size());
	}

	private TerritoryNode node(String territoryCode) {
		Actor actor = PartyAccess.requireReader();
		return directory.node(actor, territoryCode);
	}

	private List<TerritoryNode> compounds(TerritoryNode node) {
		return territories.lookupLevelUnder(TerritoryLevel.COMPOUND, node.path());
	}
}
