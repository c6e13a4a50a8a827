package org.jinlin.shared.timers;

import java.io.ByteArrayOutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;

import com.github.kagkarlsson.scheduler.exceptions.SerializationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Timer data written before its class moved to another package is still read, as the task's data class. */
class MovedClassSerializerTests {

	record Due(long demandId, String step) implements Serializable {
	}

	record Other(long demandId, String step) implements Serializable {
	}

	final MovedClassSerializer serializer = new MovedClassSerializer();

	@Test
	void roundTripsTimerData() {
		Due due = new Due(42, "SIGN");
		assertThat(serializer.deserialize(Due.class, serializer.serialize(due))).isEqualTo(due);
	}

	@Test
	void readsDataStoredUnderTheClassesOldPackage() throws Exception {
		byte[] stored = movedToOldPackage(serializer.serialize(new Due(7, "HANDLE")));
		assertThat(serializer.deserialize(Due.class, stored)).isEqualTo(new Due(7, "HANDLE"));
	}

	@Test
	void refusesAClassThatIsGoneAndIsNotTheTasksDataClass() throws Exception {
		byte[] stored = movedToOldPackage(serializer.serialize(new Due(7, "HANDLE")));
		assertThatThrownBy(() -> serializer.deserialize(Other.class, stored)).isInstanceOf(SerializationException.class);
	}

	/**
	 * The same bytes as if {@code Due} had lived in package {@code org.jinlin.shared} (one segment shorter): the class
	 * name in the stream is rewritten, its length prefix adjusted.
	 */
	static byte[] movedToOldPackage(byte[] bytes) throws Exception {
		String now = Due.class.getName();
		String before = now.replace("org.jinlin.shared.timers.", "org.jinlin.shared.");
		byte[] nowUtf = now.getBytes(StandardCharsets.UTF_8);
		byte[] beforeUtf = before.getBytes(StandardCharsets.UTF_8);
		int at = indexOf(bytes, nowUtf);
		assertThat(at).isGreaterThan(2);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(bytes, 0, at - 2);
		out.write(beforeUtf.length >> 8);
		out.write(beforeUtf.length & 0xff);
		out.write(beforeUtf);
		out.write(bytes, at + nowUtf.length, bytes.length - at - nowUtf.length);
		byte[] rewritten = out.toByteArray();
		assertThat(indexOf(rewritten, nowUtf)).isEqualTo(-1);
		return rewritten;
	}

	static int indexOf(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

}
