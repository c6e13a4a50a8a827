package org.jinlin.carefacilities;

import java.util.Set;

import org.jinlin.shared.Actor;
import org.jinlin.shared.ActorPrincipal;
import org.jinlin.shared.Role;
import org.jinlin.territory.TerritoryNode;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/** Helpers for the facility tests: a signed-in staff member bound to any node (e.g. a 晋安区 official, not a demo account). */
final class FacilityTestSupport {

	private FacilityTestSupport() {
	}

	record TestPrincipal(Actor actor) implements ActorPrincipal {

		public String getDisplayName() {
			return actor.name();
		}
	}

	static TestingAuthenticationToken token(String name, Role role, TerritoryNode node) {
		Actor actor = new Actor(9_000L + Math.abs(name.hashCode() % 1000), name, Set.of(role), node.id(), node.path(), null, null);
		return new TestingAuthenticationToken(new TestPrincipal(actor), null, role.authority());
	}

	static RequestPostProcessor as(String name, Role role, TerritoryNode node) {
		return authentication(token(name, role, node));
	}
}
