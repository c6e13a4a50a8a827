/**
 * The administrative territory: city, districts and counties, streets and towns, communities
 * and villages, grids, compounds and buildings, with codes, locations and official population
 * figures. Every other module scopes its records by a node of this tree.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Territory")
package org.jinlin.territory;
