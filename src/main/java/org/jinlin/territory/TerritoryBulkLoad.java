package org.jinlin.territory;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.jinlin.territory.internal.TerritoryRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads a whole tree at once, for a trusted system load (a city's initial territory) rather than an
 * import by a signed-in official: no jurisdiction or per-row checks beyond the tree's shape. Ids and paths
 * are assigned in memory and the rows written in JDBC batches, so tens of thousands of nodes load in well
 * under a second; the id identity is then moved past the last id so later inserts do not collide.
 */
@Service
@RequiredArgsConstructor
public class TerritoryBulkLoad {

	private final TerritoryRepository repository;

	/**
	 * Writes the nodes, parents before children (each parent code names an earlier draft). Returns the number
	 * of nodes written. On H2 moving the identity commits the surrounding transaction, so call it last.
	 */
	@Transactional
	public int load(List<TerritoryNodeDraft> drafts) {
		long id = repository.maxId();
		Map<String, Long> ids = new HashMap<>();
		Map<String, String> paths = new HashMap<>();
		OffsetDateTime now = OffsetDateTime.now();
		List<TerritoryNode> nodes = new ArrayList<>(drafts.size());
		for (TerritoryNodeDraft d : drafts) {
			id++;
			if (d.parentCode() != null && !ids.containsKey(d.parentCode())) {
				throw new IllegalArgumentException("Parent " + d.parentCode() + " of " + d.code() + " not loaded before it");
			}
			Long parentId = d.parentCode() == null ? null : ids.get(d.parentCode());
			String path = (d.parentCode() == null ? "/" : paths.get(d.parentCode())) + id + "/";
			ids.put(d.code(), id);
			paths.put(d.code(), path);
			nodes.add(new TerritoryNode(id, parentId, d.level(), d.rural(), d.code(), d.name(), path, d.latitude(),
					d.longitude(), d.population(), d.elderlyPopulation()));
		}
		repository.insertAll(nodes, now);
		repository.restartIdentity(id + 1);
		return nodes.size();
	}
}
