package org.jinlin.demo;

import java.util.Comparator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.UnsatisfiedDependencyException;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.OrderUtils;

/**
 * The demo city for a module test ({@code @ApplicationModuleTest}), which bootstraps one module and its dependencies
 * but not the demo module (that one depends on every module). Import it with {@code @Import(DemoCityForModuleTests.class)}:
 * it runs, in the demo's own order, every demo loader whose services are in the test's context — the territory
 * for almost every module, the care facilities for carefacilities, and so on — and skips the others. The data are
 * the same as in the running application, so a module test sees the same 军门社区 and 王阿姨.
 */
@TestConfiguration(proxyBeanMethods = false)
public class DemoCityForModuleTests {

	private static final Logger log = LoggerFactory.getLogger(DemoCityForModuleTests.class);

	static final List<Class<? extends ApplicationRunner>> LOADERS = List.of(DemoTerritory.class, DemoAccounts.class,
			DemoResidents.class, DemoCareFacilities.class, DemoEldercare.class, DemoServiceHours.class, DemoDemands.class,
			DemoCircleFacilities.class, DemoParty.class, DemoMemberService.class, DemoAlarms.class, DemoVolunteers.class, DemoMeals.class, DemoSpaces.class);

	@Bean
	static ApplicationRunner demoCityForModuleTest(AutowireCapableBeanFactory beans) {
		return new Loader(beans);
	}

	static final class Loader implements ApplicationRunner, Ordered {

		private final AutowireCapableBeanFactory beans;

		Loader(AutowireCapableBeanFactory beans) {
			this.beans = beans;
		}

		@Override
		public int getOrder() {
			return Ordered.HIGHEST_PRECEDENCE;
		}

		@Override
		public void run(ApplicationArguments args) throws Exception {
			List<Class<? extends ApplicationRunner>> ordered = LOADERS.stream()
				.sorted(Comparator.comparingInt(c -> OrderUtils.getOrder(c, Ordered.LOWEST_PRECEDENCE)))
				.toList();
			for (Class<? extends ApplicationRunner> loader : ordered) {
				ApplicationRunner runner;
				try {
					runner = beans.createBean(loader);
				}
				catch (UnsatisfiedDependencyException e) {
					log.debug("{} skipped: its modules are not in this test's context", loader.getSimpleName());
					continue;
				}
				runner.run(args);
			}
		}
	}
}
