package org.jinlin;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verifies the module boundaries (no cycles, no access to another module's internals) and
 * writes the module documentation (C4 and UML component diagrams, module canvases) to
 * {@code target/spring-modulith-docs}.
 */
class ModularityTests {

	static final ApplicationModules modules = ApplicationModules.of(JinlinApplication.class);

	@Test
	void verifiesModularStructure() {
		modules.verify();
	}

	@Test
	void knowsTheBusinessModules() {
		assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
			.contains("territory", "accounts", "portal", "shared", "people", "audit", "circle");
	}

	@Test
	void writesDocumentation() {
		new Documenter(modules).writeDocumentation().writeIndividualModulesAsPlantUml();
	}
}
