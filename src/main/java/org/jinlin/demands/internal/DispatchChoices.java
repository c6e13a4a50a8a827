package org.jinlin.demands.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.jinlin.accounts.AccountManagement;
import org.jinlin.shared.Actor;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryOption;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the desk's dispatch and locate forms offer, by name: the units around a demand that the dispatcher covers
 * (its district, its street and the street's communities and grids), the grid and community workers of its
 * place, and the communities and grids a demand waiting at a street can be placed in. The forms still post codes
 * and user names, which {@link DemandRouting} and {@link DemandHandling} check as before; these lists only spare
 * staff from typing codes and login names.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class DispatchChoices {

	private static final int STREET_DEPTH = 3;

	private final Territories territories;

	private final AccountManagement accounts;

	/** The district, the street, its communities and their grids, each only if the dispatcher covers it. */
	public List<TerritoryOption> units(Actor actor, DemandView d) {
		List<TerritoryOption> options = new ArrayList<>();
		String district = prefix(d.territoryPath(), STREET_DEPTH - 1);
		options.addAll(territories.optionsUnder(district, EnumSet.of(TerritoryLevel.DISTRICT), n -> actor.covers(n.path())));
		options.addAll(territories.optionsUnder(prefix(d.territoryPath(), STREET_DEPTH),
				EnumSet.of(TerritoryLevel.STREET, TerritoryLevel.COMMUNITY, TerritoryLevel.GRID), n -> actor.covers(n.path())));
		return options;
	}

	/** The grid and community workers of the demand's community (of its street while it waits there). */
	public List<AccountManagement.AccountReference> people(Actor actor, DemandView d) {
		String place = prefix(d.territoryPath(), d.communityId() != null ? STREET_DEPTH + 1 : STREET_DEPTH);
		return accounts.workersUnder(place).stream().filter(a -> actor.covers(a.territoryPath())).toList();
	}

	/** The communities and grids of the demand's street the dispatcher covers: where it can be placed. */
	public List<TerritoryOption> places(Actor actor, DemandView d) {
		return territories.optionsUnder(prefix(d.territoryPath(), STREET_DEPTH),
				EnumSet.of(TerritoryLevel.COMMUNITY, TerritoryLevel.GRID), n -> actor.covers(n.path()));
	}

	/** The path of the ancestor at {@code depth} (1 = the city), or the path itself when it is shallower. */
	static String prefix(String path, int depth) {
		String[] ids = path.split("/");
		StringBuilder b = new StringBuilder("/");
		int taken = 0;
		for (String id : ids) {
			if (!id.isEmpty() && taken < depth) {
				b.append(id).append('/');
				taken++;
			}
		}
		return b.toString();
	}
}
