package org.jinlin.demo;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Marks a loader of the demo city: a component that exists outside the {@code prod} profile only, and only while
 * {@code jinlin.demo.enabled} is not false. Each loader runs once per database ({@link DemoSeeds#claim}) in the
 * order its {@code @Order} gives (see {@link DemoSeeds}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
@Profile("!prod")
@ConditionalOnBooleanProperty(name = "jinlin.demo.enabled", matchIfMissing = true)
@interface DemoLoader {
}
