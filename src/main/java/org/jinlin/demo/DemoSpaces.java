package org.jinlin.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.jinlin.spaces.BookingStatus;
import org.jinlin.spaces.SpaceBulkLoad;
import org.jinlin.spaces.SpaceBulkLoad.NewBooking;
import org.jinlin.spaces.SpaceBulkLoad.NewZone;
import org.jinlin.spaces.ZoneKind;
import org.jinlin.territory.Territories;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo city's neighbourhood space: 军门社区's 近邻空间 with its five zones (children, neighbours' bar, sport,
 * green, consultation) plus the democratic consultation room and the residents' rest room, and a month of bookings
 * around today: the weekly dance class (a recurrence), the monthly alliance-unit meeting, 王阿姨's (resident1)
 * bookings of the neighbours' bar, past ones checked in and some no-shows released, one awaiting approval. Never in
 * {@code prod}; once per database.
 */
@DemoLoader
@Order(DemoSeeds.PEOPLE + 70)
@RequiredArgsConstructor
class DemoSpaces implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoSpaces.class);

	static final String JUNMEN = "350102004001";

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	static final int CHILDREN = 0;

	static final int BAR = 1;

	static final int SPORT = 2;

	static final int GREEN = 3;

	static final int CONSULTATION = 4;

	static final int COUNCIL = 5;

	static final int REST = 6;

	private final JdbcClient jdbc;

	private final Territories territories;

	private final SpaceBulkLoad spaces;

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (territories.lookupByCode(JUNMEN).isEmpty() || !DemoSeeds.claim(jdbc, "spaces")) {
			return;
		}
		List<NewZone> zones = List.of(new NewZone("儿童乐园", ZoneKind.CHILDREN, 20, "绘本、积木、软垫"),
				new NewZone("邻里吧", ZoneKind.NEIGHBOURS_BAR, 30, "茶水、投影、音响"),
				new NewZone("运动角", ZoneKind.SPORT, 25, "乒乓球台、健身器材、音响"),
				new NewZone("绿色空间", ZoneKind.GREEN, 15, "花草种植箱、工具"),
				new NewZone("协商议事区", ZoneKind.CONSULTATION_ROOM, 20, "圆桌、白板"),
				new NewZone("民主协商议事室", ZoneKind.CONSULTATION_ROOM, 40, "会议桌、投影、话筒"),
				new NewZone("居民休息室", ZoneKind.REST_ROOM, 10, "沙发、饮水机、老花镜"));
		List<Long> ids = spaces.load(JUNMEN, "军门社区近邻空间", "鼓楼区东街街道军门社区", zones, bookings(LocalDate.now(ZONE)),
				"system:demo");
		log.info("Demo spaces: 军门社区近邻空间 with {} zones", ids.size());
	}

	static OffsetDateTime at(LocalDate day, int hour, int minute) {
		return day.atTime(hour, minute).atZone(ZONE).toOffsetDateTime();
	}

	/** A month of bookings: three weeks back, nine days ahead. */
	static List<NewBooking> bookings(LocalDate today) {
		List<NewBooking> list = new ArrayList<>();
		LocalDate from = today.minusDays(21);
		// the weekly dance class: Thursdays 19:00-20:30 in the sport corner, volunteer1 for the dance team
		LocalDate thursday = from.with(TemporalAdjusters.nextOrSame(DayOfWeek.THURSDAY));
		for (LocalDate d = thursday; !d.isAfter(today.plusDays(9)); d = d.plusWeeks(1)) {
			list.add(new NewBooking(SPORT, at(d, 19, 0), at(d, 20, 30), past(d, today) ? BookingStatus.CHECKED_IN
					: BookingStatus.CONFIRMED, "volunteer1", null, "广场舞队每周排练", 1));
		}
		// the monthly alliance-unit meeting: the first Monday, 14:00-16:00 in the consultation room
		for (LocalDate month = from.withDayOfMonth(1); !month.isAfter(today.plusDays(9)); month = month.plusMonths(1)) {
			LocalDate d = month.with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY));
			if (!d.isBefore(from) && !d.isAfter(today.plusDays(9))) {
				list.add(new NewBooking(COUNCIL, at(d, 14, 0), at(d, 16, 0),
						past(d, today) ? BookingStatus.CHECKED_IN : BookingStatus.CONFIRMED, "junmen",
						"军门社区共建单位联席会", "共建单位月度联席会议", 2));
			}
		}
		// 王阿姨 (resident1) in the neighbours' bar: Tuesday and Saturday mornings; every third past one a no-show
		int n = 0;
		for (LocalDate d = from; !d.isAfter(today.plusDays(9)); d = d.plusDays(1)) {
			if (d.getDayOfWeek() == DayOfWeek.TUESDAY || d.getDayOfWeek() == DayOfWeek.SATURDAY) {
				BookingStatus status = !past(d, today) ? BookingStatus.CONFIRMED
						: n++ % 3 == 2 ? BookingStatus.RELEASED : BookingStatus.CHECKED_IN;
				list.add(new NewBooking(BAR, at(d, 9, 30), at(d, 11, 0), status, "resident1", null, "邻里茶话会", null));
			}
			// children's reading hour on Sundays, member1 for the party members' volunteer team
			if (d.getDayOfWeek() == DayOfWeek.SUNDAY) {
				list.add(new NewBooking(CHILDREN, at(d, 15, 0), at(d, 16, 30),
						past(d, today) ? BookingStatus.CHECKED_IN : BookingStatus.CONFIRMED, "member1", null, "亲子阅读",
						null));
			}
		}
		// one awaiting approval: a birthday party in the green space next week
		list.add(new NewBooking(GREEN, at(today.plusDays(8), 16, 0), at(today.plusDays(8), 18, 0), BookingStatus.PENDING,
				"resident1", null, "邻居生日聚会", null));
		return list;
	}

	private static boolean past(LocalDate d, LocalDate today) {
		return d.isBefore(today);
	}
}
