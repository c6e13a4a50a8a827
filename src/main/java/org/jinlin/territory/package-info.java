/**
 * The administrative territory: city, districts and counties, streets and towns, communities
 * and villages, grids, compounds and buildings, with codes, locations and official population
 * figures. Every other module scopes its records by a node of this tree.
 * <p>
 * API: {@link org.jinlin.territory.Territories} (the tree for the current actor, and unscoped {@code lookup*}
 * queries for other modules) answering {@link org.jinlin.territory.TerritoryNode}s (and {@link org.jinlin.territory.TerritoryOption}s for choice
 * lists) of a
 * {@link org.jinlin.territory.TerritoryLevel}; {@link org.jinlin.territory.TerritoryBulkLoad} loads a whole tree
 * of {@link org.jinlin.territory.TerritoryNodeDraft}s at once (a trusted system load, e.g. a city's initial tree).
 * Inside: the import and export of the tree and the first city node of a bootstrap ({@code internal}), the
 * pages and API ({@code web}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Territory", allowedDependencies = { "shared" })
package org.jinlin.territory;
