package org.jinlin;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verifies the module boundaries (no cycles, no access to another module's internals, only the dependencies each
 * module declares in {@code allowedDependencies}), holds every module to the API its {@code package-info} documents,
 * and writes the module documentation (C4 and UML component diagrams, module canvases) to
 * {@code target/spring-modulith-docs}. See {@code docs/architecture.md}.
 */
class ModularityTests {

	static final ApplicationModules modules = ApplicationModules.of(JinlinApplication.class);

	static final Path MAIN = Path.of("src", "main", "java");

	/** Every module of the application, by name: a new module is added here and to the README's map. */
	static final Set<String> MODULES = Set.of("shared", "territory", "accounts", "portal", "publiclog", "people", "audit", "eldercare",
			"carefacilities", "alarms", "party", "memberservice", "volunteers", "servicehours", "circle", "demands", "meals", "quality", "consultation", "spaces", "demo");

	@Test
	void verifiesModularStructure() {
		modules.verify();
	}

	@Test
	void knowsEveryModule() {
		assertThat(modules.stream().map(m -> m.getIdentifier().toString())).containsExactlyInAnyOrderElementsOf(MODULES);
	}

	@Test
	void everyModuleDeclaresWhatItMayDependOn() {
		assertThat(modules.stream().filter(m -> !m.getIdentifier().toString().equals("shared")))
			.allSatisfy(m -> assertThat(packageInfo(m)).as("package-info of %s", m.getIdentifier())
				.contains("allowedDependencies"));
	}

	/**
	 * A module's API is the public types of its base package. Each of them is named with {@code {@link}} in the
	 * module's {@code package-info.java}, and everything linked there that lives in the base package is public: the
	 * documented API and the enforced one are the same list.
	 */
	@Test
	void everyModuleExposesExactlyTheApiItDocuments() throws Exception {
		List<String> problems = new ArrayList<>();
		for (ApplicationModule module : modules) {
			String name = module.getIdentifier().toString();
			if (name.equals("shared")) {
				continue; // the shared kernel is an open module: all of it is API
			}
			String basePackage = module.getBasePackage().getName();
			Set<String> exposed = publicTypesOf(basePackage);
			Set<String> documented = documentedTypes(packageInfo(module), basePackage);
			for (String type : exposed) {
				if (!documented.contains(type)) {
					problems.add(name + ": public " + type + " is not named in package-info");
				}
			}
			for (String type : documented) {
				if (!exposed.contains(type) && Files.exists(source(basePackage, type))) {
					problems.add(name + ": package-info names " + type + ", which is not public");
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	/** The demo city is a module of its own; no business module knows it exists. */
	@Test
	void demoDataLivesOnlyInTheDemoModule() throws IOException {
		List<String> offenders = new ArrayList<>();
		try (Stream<Path> files = Files.walk(MAIN.resolve("org/jinlin"))) {
			files.filter(p -> p.toString().endsWith(".java"))
				.filter(p -> !p.startsWith(MAIN.resolve("org/jinlin/demo")))
				.forEach(p -> {
					try {
						String text = Files.readString(p);
						if (p.getFileName().toString().startsWith("Demo") || text.contains("org.jinlin.demo")) {
							offenders.add(MAIN.relativize(p).toString());
						}
					}
					catch (IOException e) {
						throw new IllegalStateException(e);
					}
				});
		}
		assertThat(offenders).isEmpty();
	}

	/** A class past 500 lines does too much: split it by use case (docs/architecture.md). No exceptions today. */
	@Test
	void noClassIsOver500Lines() throws IOException {
		List<String> large = new ArrayList<>();
		try (Stream<Path> files = Files.walk(MAIN)) {
			for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				long lines = Files.readAllLines(p).size();
				if (lines > 500) {
					large.add(MAIN.relativize(p) + " (" + lines + " lines)");
				}
			}
		}
		assertThat(large).isEmpty();
	}

	/**
	 * Two modules never use one class name for different things: a reader could not tell them apart, and two beans of
	 * the same simple name stop the application from starting.
	 */
	@Test
	void noTwoClassesShareAName() throws IOException {
		try (Stream<Path> files = Files.walk(MAIN)) {
			List<String> names = files.map(p -> p.getFileName().toString())
				.filter(n -> n.endsWith(".java") && !n.equals("package-info.java"))
				.toList();
			assertThat(names).doesNotHaveDuplicates();
		}
	}

	@Test
	void writesDocumentation() {
		new Documenter(modules).writeDocumentation().writeIndividualModulesAsPlantUml();
	}

	static String packageInfo(ApplicationModule module) {
		try {
			return Files.readString(MAIN.resolve(module.getBasePackage().getName().replace('.', '/')).resolve("package-info.java"));
		}
		catch (IOException e) {
			return "";
		}
	}

	static Path source(String basePackage, String simpleName) {
		return MAIN.resolve(basePackage.replace('.', '/')).resolve(simpleName + ".java");
	}

	/** The public top-level types declared in the package itself (not its sub-packages), by simple name. */
	static Set<String> publicTypesOf(String basePackage) throws Exception {
		Set<String> names = new TreeSet<>();
		try (Stream<Path> files = Files.list(MAIN.resolve(basePackage.replace('.', '/')))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				String simple = file.getFileName().toString().replace(".java", "");
				if (simple.equals("package-info")) {
					continue;
				}
				Class<?> type = Class.forName(basePackage + "." + simple);
				if (Modifier.isPublic(type.getModifiers())) {
					names.add(simple);
				}
			}
		}
		return names;
	}

	/** The simple names of the base package's types that the javadoc links to ({@code {@link X}} or qualified). */
	static Set<String> documentedTypes(String packageInfo, String basePackage) {
		Set<String> names = new TreeSet<>();
		Matcher m = Pattern.compile("\\{@link(?:plain)?\\s+([\\w.]+)").matcher(packageInfo);
		while (m.find()) {
			String ref = m.group(1);
			if (ref.startsWith(basePackage + ".")) {
				String rest = ref.substring(basePackage.length() + 1);
				if (!rest.contains(".")) {
					names.add(rest);
				}
			}
			else if (!ref.contains(".")) {
				names.add(ref);
			}
		}
		return names;
	}
}
