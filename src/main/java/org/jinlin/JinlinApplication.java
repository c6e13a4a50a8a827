package org.jinlin;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * Jinlin (近邻): neighbourhood services and community governance for a city.
 * A modular monolith: each top-level package below {@code org.jinlin} is one application module.
 */
@SpringBootApplication
@Modulithic(sharedModules = "shared")
@EnableAsync
public class JinlinApplication {

	public static void main(String[] args) {
		SpringApplication.run(JinlinApplication.class, args);
	}
}
