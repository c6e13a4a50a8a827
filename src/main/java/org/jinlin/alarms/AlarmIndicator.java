package org.jinlin.alarms;

/**
 * The alarm-desk indicators other modules may ask for, over the alarms raised in a month, as the monthly report
 * counts them:
 * <ul>
 * <li>{@link #ACKNOWLEDGED_60S}, {@link #ACKNOWLEDGED_180S}: acknowledged by someone within 60 s / 180 s of being
 * raised, of every alarm raised (one never acknowledged counts as late);</li>
 * <li>{@link #ARRIVED_30MIN}: someone at the door within 30 minutes, of the alarms that needed someone there (an
 * arrival was recorded, or its arrival deadline passed).</li>
 * </ul>
 */
public enum AlarmIndicator {
	ACKNOWLEDGED_60S, ACKNOWLEDGED_180S, ARRIVED_30MIN
}
