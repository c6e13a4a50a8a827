package org.jinlin.meals.internal;

import java.util.List;

import org.jinlin.meals.DinerCategory;

/** A diner in a list: her name masked, her community, her category from the register and her diet codes. */
public record DinerRow(long id, String name, String communityCode, DinerCategory category, List<String> diets) {
}
