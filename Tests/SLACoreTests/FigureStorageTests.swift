import SLACore
import XCTest

/// Month and day figures are stored compactly (issue 23, peak memory: every level keeps all its
/// months and 90 days for the whole build). What they read back is what was put in, an absent
/// number stays apart from a zero, and equal figures are equal and hash alike.
final class FigureStorageTests: XCTestCase {
    private func month(downtime: Double?, uptime: Double?, objective: Double?, after: Int?) -> MonthFigure {
        MonthFigure(
            month: YearMonth(year: 2026, month: 10), minutes: 44_640, elapsedMinutes: 44_640, downtimeMinutes: downtime,
            uptime: uptime, source: .incidents, final: true, met: uptime.map { $0 >= 99.9 }, budgetMinutes: 44.64, credit: 10,
            claimBy: CalendarDay(year: 2026, month: 12, day: 31), terminationRight: false, objective: objective,
            version: CalendarDay(year: 2026, month: 1, day: 1), terminationAfter: after)
    }

    func testMonthFigureReadsBackWhatItWasGiven() {
        // 44.64 minutes of downtime in a 31-day month: 100 − 44.64 / 44,640 × 100 = 99.9.
        let m = month(downtime: 44.64, uptime: 99.9, objective: 99.9, after: 3)
        XCTAssertEqual(m.downtimeMinutes, 44.64)
        XCTAssertEqual(m.uptime, 99.9)
        XCTAssertEqual(m.budgetMinutes, 44.64)
        XCTAssertEqual(m.objective, 99.9)
        XCTAssertEqual(m.terminationAfter, 3)
        XCTAssertNil(m.meanErrorRate)
        XCTAssertNil(m.periodSpan)
        XCTAssertEqual(m.claimBy, CalendarDay(year: 2026, month: 12, day: 31))
        XCTAssertEqual(m.met, true)
        XCTAssertEqual(m.budgetLeftMinutes, 0)
    }

    func testAnAbsentNumberIsNotAZero() {
        var m = month(downtime: nil, uptime: nil, objective: nil, after: nil)
        XCTAssertNil(m.downtimeMinutes)
        XCTAssertNil(m.uptime)
        XCTAssertNil(m.objective)
        XCTAssertNil(m.terminationAfter)
        XCTAssertNil(m.budgetLeftMinutes)
        let zero = month(downtime: 0, uptime: 0, objective: 0, after: 0)
        XCTAssertEqual(zero.downtimeMinutes, 0)
        XCTAssertEqual(zero.terminationAfter, 0)
        XCTAssertNotEqual(m, zero)
        // Set and cleared again, it equals (and hashes as) one never set.
        let blank = m
        m.downtimeMinutes = 12.5
        m.meanErrorRate = 0.25
        XCTAssertEqual(m.downtimeMinutes, 12.5)
        XCTAssertEqual(m.meanErrorRate, 0.25)
        XCTAssertNotEqual(m, blank)
        m.downtimeMinutes = nil
        m.meanErrorRate = nil
        XCTAssertEqual(m, blank)
        XCTAssertEqual(Set([m, blank]).count, 1)
    }

    func testDayFigureReadsBackWhatItWasGiven() {
        // A 23-hour day (spring forward): 1,380 minutes; maintenance of 1 h 30 min 20 s.
        let maintenance = Double(5_420) / 60
        var d = DayFigure(
            day: CalendarDay(year: 2026, month: 3, day: 29), minutes: Double(82_800) / 60, downtimeMinutes: 7.25,
            maintenanceMinutes: maintenance, source: .samples)
        XCTAssertEqual(d.minutes, 1_380)
        XCTAssertEqual(d.maintenanceMinutes, maintenance)  // the same Double, not a near one
        XCTAssertEqual(d.downtimeMinutes, 7.25)
        XCTAssertEqual(d.source, .samples)
        let zero = DayFigure(day: d.day, minutes: 1_380, downtimeMinutes: 0, maintenanceMinutes: maintenance, source: .samples)
        let none = DayFigure(day: d.day, minutes: 1_380, downtimeMinutes: nil, maintenanceMinutes: maintenance, source: .samples)
        XCTAssertNil(none.downtimeMinutes)
        XCTAssertNotEqual(zero, none)
        d.downtimeMinutes = nil
        XCTAssertEqual(d, none)
        XCTAssertEqual(Set([d, none]).count, 1)
    }

    /// The sizes the memory figures in docs/performance.md were measured with: a change that
    /// makes them larger should be a decision, not an accident.
    func testFiguresKeepTheirCompactSizes() {
        XCTAssertEqual(MemoryLayout<DayFigure>.stride, 24)
        XCTAssertEqual(MemoryLayout<MonthFigure>.stride, 128)
    }
}
