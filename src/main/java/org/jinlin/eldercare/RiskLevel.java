package org.jinlin.eldercare;

/** Derived care risk, from ability level, living alone, age and recent alarms. */
public enum RiskLevel {
	LOW, MEDIUM, HIGH, VERY_HIGH
}
