/**
 * The pages, the map and the read side of the JSON API of the 15-minute circle: coverage per area against the plan
 * target, the gaps, community detail, suggestions, isochrones and the walking-network admin page. Reads the results
 * the coverage runs stored, always limited to the caller's jurisdiction.
 */
package org.jinlin.circle.web;
