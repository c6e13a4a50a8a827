package org.jinlin.accounts.internal;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;
import org.jinlin.shared.Actor;
import org.jinlin.shared.web.FieldErrors;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.springframework.stereotype.Component;

/**
 * The territory nodes accounts and keys are bound to, as an administrator sees them, and the module's
 * localized messages (every accounts message may name the minimum password length).
 */
@Component
@RequiredArgsConstructor
class AdministeredNodes {

	private final Territories territories;

	private final FieldErrors fieldErrors;

	/** The node with this code if it lies in the administrator's jurisdiction; otherwise a field error. */
	TerritoryNode node(Actor admin, String code, List<FieldErrors.FieldError> errors) {
		TerritoryNode node = code == null ? null
				: territories.lookupByCode(code.trim()).filter(n -> admin.covers(n.path())).orElse(null);
		if (node == null) {
			errors.add(error("territoryCode", "accounts.error.territory"));
		}
		return node;
	}

	/** Nodes by id. */
	Map<Long, TerritoryNode> nodes(Collection<Long> ids) {
		return territories.lookupAll(new HashSet<>(ids)).stream()
			.collect(Collectors.toMap(TerritoryNode::id, Function.identity()));
	}

	TerritoryNode lookup(long id) {
		return territories.lookup(id).orElse(null);
	}

	static FieldErrors.FieldError error(String field, String code) {
		return new FieldErrors.FieldError(field, code, PasswordRules.MIN_LENGTH);
	}

	/** 400 with the messages when there is any error. */
	void failIfAny(List<FieldErrors.FieldError> errors) {
		fieldErrors.failIfAny("accounts.error.invalid", errors);
	}

	String text(String code) {
		return fieldErrors.message(code, PasswordRules.MIN_LENGTH);
	}
}
