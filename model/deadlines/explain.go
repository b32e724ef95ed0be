package deadlines

import (
	"strconv"
	"sync"
	"time"

	"avtal/model"
	"avtal/model/workdays"
)

// explainer builds the sentences that show deadlines' arithmetic
// ("36 months from start 2024-04-01 ends 2027-03-31; 6 months before =
// 2026-09-30", in Swedish "36 månader från start 2024-04-01 slutar
// 2027-03-31; 6 månader före = 2026-09-30"). All sentences of one
// computation are written one after the other into one buffer that becomes
// one string, and each deadline gets a slice of it: one allocation per
// agreement instead of one per deadline.
type explainer struct {
	b    []byte
	ends []int    // where each finished sentence ends in b
	w    *phrases // the words of the language asked for
}

// phrases are the fixed words of the sentences in one language, with the
// spaces and brackets around them. Both languages put the dates and
// periods in the same order, so the sentences differ only in these words.
type phrases struct {
	// A term's period: "36 months from start 2024-04-01 ends 2027-03-31",
	// "renewal 1 (12 months) from 2027-04-01 ends 2028-03-31".
	fromStart, renewal, renewalFrom, ends string
	// An offset from the anchor: "; 6 months before = 2026-09-30".
	before, after string
	// A yearly date: "first 01-01 after agreement date 2024-02-15, a year
	// later as it is on or after 07-01" or "yearly on 01-01 from 2025-01-01".
	first, afterAgreement, yearLater, yearLaterEnd, yearly, yearlyFrom string
	// The agreement's own dates: "agreement date 2024-02-15", "start
	// 2024-04-01", "set for 2026-12-26" (a deadline set by hand).
	agreementDate, start, setFor string
	// The last day the agreement runs: "agreement ends 2027-03-31 (notice
	// given 2026-09-20)".
	agreementEnds, noticeGiven string
	// Why the day to act is earlier: "; 2027-06-25 is midsommarafton, not
	// a working day → act by Thursday 2027-06-24".
	is, notWorking string
	// weekdays name the days of the week, Sunday first.
	weekdays [7]string
}

// fields lists the phrases, each with its place in the coded form.
func (p *phrases) fields() []*string {
	f := []*string{&p.fromStart, &p.renewal, &p.renewalFrom, &p.ends, &p.before, &p.after,
		&p.first, &p.afterAgreement, &p.yearLater, &p.yearLaterEnd, &p.yearly, &p.yearlyFrom,
		&p.agreementDate, &p.start, &p.setFor, &p.agreementEnds, &p.noticeGiven, &p.is, &p.notWorking}
	for i := range p.weekdays {
		f = append(f, &p.weekdays[i])
	}
	return f
}

// phrasesIn holds the phrases of each model.Lang.
var phrasesIn = [...]phrases{
	model.English: {
		fromStart: " from start ", renewal: "renewal ", renewalFrom: ") from ", ends: " ends ",
		before: " before = ", after: " after = ",
		first: "first ", afterAgreement: " after agreement date ", yearLater: ", a year later as it is on or after ",
		yearly: "yearly on ", yearlyFrom: " from ",
		agreementDate: "agreement date ", start: "start ", setFor: "set for ",
		agreementEnds: "agreement ends ", noticeGiven: " (notice given ",
		is: " is ", notWorking: ", not a working day → act by ",
		weekdays: [7]string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"},
	},
	model.Swedish: {
		fromStart: " från start ", renewal: "förlängning ", renewalFrom: ") från ", ends: " slutar ",
		before: " före = ", after: " efter = ",
		first: "första ", afterAgreement: " efter avtalsdatum ", yearLater: ", ett år senare eftersom avtalsdatum infaller ",
		yearLaterEnd: " eller senare", yearly: "årligen ", yearlyFrom: " från ",
		agreementDate: "avtalsdatum ", start: "start ", setFor: "satt till ",
		agreementEnds: "avtalet slutar ", noticeGiven: " (uppsagt ",
		is: " är ", notWorking: ", inte en arbetsdag → agera senast ",
		weekdays: [7]string{"söndag", "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag"},
	},
}

// ExplainCancelBy says in one line how the cancel-by date of period p was
// computed, in the language: "36 months from start 2024-04-01 ends
// 2027-03-31; 6 months before = 2026-09-30". It is the sentence the
// termination deadline of that period carries.
func ExplainCancelBy(t model.Term, p model.TermPeriod, lang model.Lang) string {
	e := explainer{w: &phrasesIn[lang]}
	tt := newTermText(t, lang)
	cancelBy := t.CancelBy(p)
	e.period(&tt, p).step(tt.notice, true, cancelBy)
	if actBy := workdays.ActBy(cancelBy); !actBy.Equal(cancelBy) {
		e.moved(cancelBy, actBy)
	}
	return string(e.b)
}

// end finishes the sentence written since the previous one.
func (e *explainer) end() { e.ends = append(e.ends, len(e.b)) }

// finish hands the finished sentences, in order, to ds.
func (e *explainer) finish(ds []model.Deadline) {
	s := string(e.b)
	start := 0
	for i, end := range e.ends {
		ds[i].Explanation = s[start:end]
		start = end
	}
}

func (e *explainer) text(s string) *explainer { e.b = append(e.b, s...); return e }

// name writes an event name with underscores as spaces: "notice received".
func (e *explainer) name(s string) *explainer {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '_' {
			c = ' '
		}
		e.b = append(e.b, c)
	}
	return e
}

func (e *explainer) int(n int) *explainer { e.b = strconv.AppendInt(e.b, int64(n), 10); return e }

// date writes YYYY-MM-DD. It reads the parts from the day number instead of
// asking time.Time for year, month and day, each of which recomputes the
// calendar date: explanations write a few dates per deadline, and that was
// a sixth of the cost of computing a register.
func (e *explainer) date(d model.Date) *explainer {
	y, m, dd := civil(epoch.DaysUntil(d))
	if y < 1000 || y > 9999 {
		return e.text(d.String())
	}
	e.b = append(e.b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-')
	return e.monthDay(m, dd)
}

var epoch = model.MustDate(1970, 1, 1)

// civil turns a day number (0 = 1970-01-01) into year, month and day in the
// proleptic Gregorian calendar (H. Hinnant, "chrono-compatible low-level
// date algorithms"): count in 400-year eras of 146 097 days, with years
// starting on 1 March so that the leap day falls at the end.
func civil(days int) (year int, month time.Month, day int) {
	z := days + 719468 // days from 0000-03-01
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := z - era*146097                                  // day of era, 0…146096
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365 // year of era, 0…399
	doy := doe - (365*yoe + yoe/4 - yoe/100)               // day of year from 1 March, 0…365
	mp := (5*doy + 2) / 153                                // month from March, 0…11
	day = doy - (153*mp+2)/5 + 1
	month = time.Month(mp + 3)
	if mp >= 10 {
		month = time.Month(mp - 9)
	}
	year = yoe + era*400
	if month <= time.February {
		year++
	}
	return year, month, day
}

func (e *explainer) monthDay(m time.Month, d int) *explainer {
	e.b = append(e.b, byte('0'+m/10), byte('0'+m%10), '-', byte('0'+d/10), byte('0'+d%10))
	return e
}

// period writes how a term period was reached: "36 months from start
// 2024-04-01 ends 2027-03-31" or "renewal 1 (12 months) from 2027-04-01
// ends 2028-03-31".
func (e *explainer) period(t *termText, p model.TermPeriod) *explainer {
	if p.Renewal() {
		e.text(e.w.renewal).int(p.Index).text(" (").text(t.renewal).text(e.w.renewalFrom)
	} else {
		e.text(t.initial).text(e.w.fromStart)
	}
	return e.date(p.Start).text(e.w.ends).date(p.End)
}

// moved writes why the day to act is earlier than date and returns the
// reason: "; 2027-06-25 is midsommarafton, not a working day → act by
// Thursday 2027-06-24". Holidays keep their Swedish names in every
// language, as the law names them.
func (e *explainer) moved(date, actBy model.Date) string {
	why := workdays.HolidayName(date)
	if why == "" {
		why = e.w.weekdays[date.Weekday()]
	}
	e.text("; ").date(date).text(e.w.is).text(why).text(e.w.notWorking).text(e.w.weekdays[actBy.Weekday()]).text(" ").date(actBy)
	return why
}

// step writes one offset: "; 6 months before = 2026-09-30". A zero offset
// writes nothing, since the deadline is the anchor itself.
func (e *explainer) step(offset string, before bool, result model.Date) *explainer {
	if offset == "" {
		return e
	}
	e.text("; ").text(offset)
	if before {
		e.text(e.w.before)
	} else {
		e.text(e.w.after)
	}
	return e.date(result)
}

// termText holds a term's periods as words, looked up once per agreement
// rather than once per deadline.
type termText struct {
	initial, renewal, notice string
}

func newTermText(t model.Term, lang model.Lang) termText {
	return termText{initial: words(t.Initial, lang), renewal: words(t.Renewal, lang), notice: words(t.Notice, lang)}
}

// commonWords holds, per language, the words of the periods agreements
// usually state, so that computing a register does not format the same
// "12 months" thousands of times. It is filled when first asked for (not
// at start: a program that computes no deadline does not pay for it) and
// only read after.
var commonWords = sync.OnceValue(func() [len(phrasesIn) + 1]map[model.Period]string {
	return [...]map[model.Period]string{
		model.English: periodWords(model.English),
		model.Swedish: periodWords(model.Swedish),
		Coded:         periodWords(Coded),
	}
})

// commonPeriods is the most of a unit commonWords holds.
const commonPeriods = 120

// periodWords writes the common periods in lang.
func periodWords(lang model.Lang) map[model.Period]string {
	m := make(map[model.Period]string)
	for _, u := range codedUnits {
		for n := 1; n <= commonPeriods; n++ {
			p := model.Period{N: n, Unit: u}
			m[p] = periodIn(p, lang)
		}
	}
	return m
}

// words returns p.In(lang), from commonWords when it is there.
func words(p model.Period, lang model.Lang) string {
	if w, ok := commonWords()[lang][p]; ok {
		return w
	}
	return periodIn(p, lang)
}

// periodIn is p.In(lang), or p's code in the coded form.
func periodIn(p model.Period, lang model.Lang) string {
	if lang == Coded {
		return string(appendPeriodCode(nil, p))
	}
	return p.In(lang)
}
