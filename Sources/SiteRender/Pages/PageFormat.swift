import SLACore

/// Plain-words text of figures, periods and rules for pages. Every number comes from the
/// computed figures with the publishing rounding of docs/spec.md §3 (the same as sla.json), written in
/// the language's CLDR forms by `PageText`'s `LocaleFormat` (docs/numbers.md, Formatting).
enum PageFormat {
    /// docs/spec.md §4 `source` as the history table names it; an `error_rate` month adds its mean
    /// error rate ("Request samples: mean error rate 0.013 %").
    static func source(_ m: MonthFigure, _ s: PageText) -> String {
        switch m.source {
        case .incidents: return s[.sourceIncidents]
        case .measurements: return s[.sourceMeasured]
        case .none: return s[.sourceNone]
        case .samplesAndIncidents: return s[.sourceSamplesAndIncidents]
        case .parts: return s[.sourceParts]
        case .samples:
            guard let rate = m.meanErrorRate else { return s[.sourceSamples] }
            return s(.sourceSamplesRate, ["rate": s.uptime(rate)])
        }
    }

    /// How Downtime is measured, in words, from a samples rule (nil for incidents, whose
    /// wording is the service's `measurement`): "A minute counts as Downtime when more than 5 %
    /// of requests fail, with at least 100 requests in the minute, in runs of at least 5 minutes."
    static func downtimeRule(_ terms: ResolvedTerms, _ s: PageText) -> String? {
        guard let r = terms.downtime.sampleRule else { return nil }
        let n = String(r.interval)
        let unit = r.interval == 1 ? s[.ruleMinute] : s(.ruleInterval, ["n": n])
        let units = r.interval == 1 ? s[.ruleMinutes] : s(.ruleIntervals, ["n": n])
        var text: String
        switch r.method {
        case .badIntervals:
            text = s(
                .ruleBadWhen,
                [
                    "unit": unit,
                    "condition": r.errorRateAbove == 0
                        ? s[.ruleAnyRequestFails] : s(.ruleMoreThanFail, ["rate": s.percent(r.errorRateAbove)]),
                ])
            if r.minRequests > 1 { text += s(.ruleMinRequests, ["requests": String(r.minRequests), "unit": unit]) }
            if r.minConsecutive > 1 {
                text += r.interval == 1
                    ? s(.ruleRunsMinutes, ["runs": String(r.minConsecutive)])
                    : s(
                        .ruleRunsIntervals,
                        ["runs": String(r.minConsecutive), "units": units, "minutes": String(r.minConsecutive * r.interval)])
            }
            // With both sources the closing sentence says how Downtime adds up.
            if terms.downtime.samplesOnly {
                text += r.interval == 1 ? s[.ruleBadTotal] : s(.ruleBadTotalIntervals, ["n": n])
            } else {
                text += s[.ruleSentenceEnd]
            }
        case .errorRate:
            text = s(.ruleMeanRate, ["units": units])
            if r.minRequests > 1 { text += s(.ruleMeanRateMinRequests, ["requests": String(r.minRequests)]) }
            text += s[.ruleSentenceEnd]
        }
        if terms.downtime.samplesOnly {
            text += s(terms.excludeMaintenance ? .ruleFromCountsMaintenance : .ruleFromCounts, ["unit": unit])
        } else {
            // docs/spec.md §3 Both sources.
            text += s(terms.excludeMaintenance ? .ruleBothSourcesMaintenance : .ruleBothSources, ["unit": unit])
        }
        return text
    }

    /// A judged period in words: "October 2026", "Q4 2026", "2026", "Q1 FY2027", "FY2027".
    static func period(_ p: Period, _ s: PageText) -> String {
        switch p.kind {
        case .month:
            return s.month(p.first)
        case .quarter:
            // "2026-Q4" / "FY2027-Q1": the quarter's number and its (fiscal) year.
            let name = p.description
            let n = String(name.suffix(1))
            if p.startMonth == 1 { return s(.periodNameQuarter, ["n": n, "year": String(p.first.year)]) }
            return s(.periodNameFiscalQuarter, ["n": n, "year": String(name.dropFirst(2).prefix(4))])
        case .year:
            return p.startMonth == 1
                ? s(.periodNameYear, ["year": String(p.first.year)]) : s(.periodNameFiscalYear, ["year": String(p.last.year)])
        }
    }

    /// A period for chart axes: "Nov", "Q4", "2026", "FY2027".
    static func shortPeriod(_ p: Period, _ s: PageText) -> String {
        switch p.kind {
        case .month: return s.format.shortMonth(p.first)
        case .quarter: return s(.periodShortQuarter, ["n": String(p.description.suffix(1))])
        case .year: return period(p, s)
        }
    }

    /// The claim window in words ("within 15 days after the end of the month", "by the end of
    /// the second calendar month after the month"), or nil without one.
    static func claimWindow(_ terms: ResolvedTerms, _ s: PageText) -> String? {
        if let days = terms.claimWindowDays {
            return s.plural(days, one: .claimWithinDaysOne, other: .claimWithinDaysOther)
        }
        if let months = terms.claimWindowMonths {
            return months == 1 ? s[.claimByEndOfNextMonth] : s(.claimByEndOfMonth, ["nth": ordinal(months, s)])
        }
        return nil
    }

    /// "second", "third" … for n ≥ 2 (the first month after is said without one).
    static func ordinal(_ n: Int, _ s: PageText) -> String {
        let ids: [StringID] = [
            .ordinalSecond, .ordinalThird, .ordinalFourth, .ordinalFifth, .ordinalSixth, .ordinalSeventh, .ordinalEighth,
            .ordinalNinth, .ordinalTenth, .ordinalEleventh, .ordinalTwelfth,
        ]
        return n >= 2 && n - 2 < ids.count ? s[ids[n - 2]] : s(.ordinalOther, ["n": String(n)])
    }

    /// "November 10, 2026, 2:00 PM PST" (en), "10. November 2026, 14:00 MEZ" (de): the wall
    /// time in the site zone, with the zone named as CLDR names it in the language.
    static func dateTime(_ t: Instant, _ s: PageText) -> String {
        let local = s.format.calendar.localDateTime(of: t)
        return s(
            .dateTimeFormat,
            ["date": s.date(local), "time": s.format.time(hour: local.hour, minute: local.minute), "zone": s.format.zoneName(at: t)])
    }

    /// Machine-readable `datetime` attribute value (UTC, RFC 3339).
    static func machine(_ t: Instant) -> String { t.rfc3339 }

    /// Whole-minute duration in words ("50 minutes", "2 hours, 10 minutes", "3 days, 4 hours"),
    /// or "less than a minute".
    static func duration(seconds: Int64, _ s: PageText) -> String {
        let totalMinutes = (seconds + 30) / 60
        if totalMinutes < 1 { return s[.durationLessThanMinute] }
        return s.format.duration(minutes: totalMinutes)
    }

    /// "24×7" or "business hours".
    static func hours(_ h: SupportHours?, _ s: PageText) -> String? {
        switch h {
        case .allHours: s[.hoursAllHours]
        case .business: s[.hoursBusiness]
        case nil: nil
        }
    }

    /// "critical" → "Critical".
    static func capitalized(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }

    /// Fixed-point text with `places` decimals, independent of any locale (for SVG coordinates).
    static func fixed(_ x: Double, places: Int = 1) -> String {
        var scale: Int64 = 1
        for _ in 0..<places { scale *= 10 }
        let n = Int64((x * Double(scale)).rounded(.toNearestOrAwayFromZero))
        // Digits from the right into a small buffer, then one String (this runs for every
        // coordinate of every chart).
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 48) { buf in
            var i = buf.count
            var rest = n.magnitude
            var written = 0
            repeat {
                if written == places && places > 0 {
                    i -= 1
                    buf[i] = UInt8(ascii: ".")
                }
                i -= 1
                buf[i] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                written += 1
            } while rest > 0 || written <= places
            if n < 0 {
                i -= 1
                buf[i] = UInt8(ascii: "-")
            }
            return String(decoding: UnsafeBufferPointer(rebasing: buf[i...]), as: UTF8.self)
        }
    }

    /// A human label of an impact.
    static func impact(_ i: Impact, _ s: PageText) -> String {
        switch i {
        case .major: s[.impactMajor]
        case .partial: s[.impactPartial]
        case .degraded: s[.impactDegraded]
        case .maintenance: s[.impactMaintenance]
        }
    }

    /// String `id` as HTML: its text escaped, its placeholders filled with `values`, which are
    /// markup already (a link, a `<time>`).
    static func html(_ s: PageText, _ id: StringID, _ values: KeyValuePairs<String, String>) -> String {
        s.fill(id, values) { FastHTMLContentType.escape(String($0)) }
    }
}
