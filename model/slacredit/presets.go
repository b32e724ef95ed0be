package slacredit

import "avtal/model"

// Preset is a ready-made set of SLA terms a user can start from or copy.
type Preset struct {
	// Name is the key the CLI and the register use: "pureservice".
	Name  string `json:"name"`
	Title string `json:"title"`
	// Example marks public-cloud schemes shown as examples of how credit
	// tables are commonly written, not the terms of any agreement in the
	// register; their Terms.Source says where and when they were published.
	Example bool           `json:"example"`
	Terms   model.SLATerms `json:"terms"`
}

// Presets returns the presets: the reference agreements first, then the
// public-cloud examples. Each call returns fresh values that the caller may change.
func Presets() []Preset {
	return []Preset{
		{Name: "pureservice", Title: "Pureservice cloud service", Terms: pureservice()},
		{Name: "centuri", Title: "Centuri SaaS", Terms: centuri()},
		{Name: "azure-style", Title: "Azure-style example (virtual machines across zones)", Example: true, Terms: azureStyle()},
		{Name: "aws-style", Title: "AWS-style example (compute, region level)", Example: true, Terms: awsStyle()},
		{Name: "google-style", Title: "Google-style example (cloud functions)", Example: true, Terms: googleStyle()},
	}
}

// PresetByName returns the preset called name, and false when there is none.
func PresetByName(name string) (Preset, bool) {
	for _, p := range Presets() {
		if p.Name == name {
			return p, true
		}
	}
	return Preset{}, false
}

// tiers builds a credit table from (below, credit) pairs.
func tiers(pairs ...[2]float64) []model.CreditTier {
	out := make([]model.CreditTier, len(pairs))
	for i, p := range pairs {
		out[i] = model.CreditTier{Below: p[0], CreditPct: p[1]}
	}
	return out
}

// pureservice: 24x7 calendar month, planned downtime is not downtime, credit
// of the monthly fee never above the fee, claim in writing within 4 weeks.
func pureservice() model.SLATerms {
	return model.SLATerms{
		Window:      model.Window{Kind: model.Window24x7, TZ: DefaultTZ},
		TargetPct:   99.5,
		Tiers:       tiers([2]float64{99.5, 25}, [2]float64{99, 50}, [2]float64{95, 100}),
		CapPct:      100,
		ClaimWindow: model.Period{N: 4, Unit: model.Weeks},
		Exclusions: []string{"planned maintenance", "installations on the customer's or a third party's servers",
			"causes outside the supplier's control", "acts or omissions of the customer or third parties",
			"use against the supplier's advice", "beta testing and trials", "test instances"},
		Clause:      "4.4–4.5",
		ClaimClause: "4.3",
		Source:      "Pureservice service agreement v2.9 (2025-10-22), section 4",
	}
}

// centuri: service hours on Swedish working days, 99.5 % promised, and only
// a price reduction at the supplier's judgement when it is missed. The text
// says CET; Swedish agreements mean Swedish local time, summer time included.
func centuri() model.SLATerms {
	return model.SLATerms{
		Window: model.Window{Kind: model.WindowServiceHours, Weekdays: []int{1, 2, 3, 4, 5},
			From: "08:00", To: "17:00", Holidays: HolidaysSE, TZ: DefaultTZ},
		TargetPct:     99.5,
		Discretionary: true,
		Exclusions: []string{"planned maintenance", "force majeure",
			"faults caused by the customer, its users, software, network or equipment, or by third parties",
			"malicious code the supplier took reasonable measures against"},
		Clause:      "7.1–7.2",
		ClaimClause: "8.1",
		Source:      "Centuri SaaS service level agreement, sections 1.3, 7 and 8",
	}
}

// The public-cloud examples count whole billing months in UTC and, as their
// providers publish them, are claimed by the end of the second month after
// the month of the downtime (Azure, AWS) or within 30 days after the month
// closes (Google).
func azureStyle() model.SLATerms {
	return model.SLATerms{
		Window:          model.Window{Kind: model.Window24x7, TZ: "UTC"},
		TargetPct:       99.99,
		Tiers:           tiers([2]float64{99.99, 10}, [2]float64{99, 25}, [2]float64{95, 100}),
		CapPct:          100,
		ClaimByMonthEnd: true,
		ClaimWindow:     model.Period{N: 2, Unit: model.Months},
		Exclusions:      cloudExclusions(),
		Source:          "Example modelled on Microsoft's SLA for Azure Virtual Machines, two or more instances across Availability Zones (version 1.8 of March 2018 and later); check the current text",
	}
}

func awsStyle() model.SLATerms {
	return model.SLATerms{
		Window:          model.Window{Kind: model.Window24x7, TZ: "UTC"},
		TargetPct:       99.99,
		Tiers:           tiers([2]float64{99.99, 10}, [2]float64{99, 30}, [2]float64{95, 100}),
		CapPct:          100,
		ClaimByMonthEnd: true,
		ClaimWindow:     model.Period{N: 2, Unit: model.Months},
		Exclusions:      cloudExclusions(),
		Source:          "Example modelled on the Amazon Compute SLA, region-level commitment (version of 2022-05-05); check the current text",
	}
}

func googleStyle() model.SLATerms {
	return model.SLATerms{
		Window:          model.Window{Kind: model.Window24x7, TZ: "UTC"},
		TargetPct:       99.5,
		Tiers:           tiers([2]float64{99.5, 10}, [2]float64{99, 25}, [2]float64{95, 50}),
		CapPct:          50,
		ClaimByMonthEnd: true,
		ClaimWindow:     model.Period{N: 30, Unit: model.Days},
		Exclusions:      cloudExclusions(),
		Source:          "Example modelled on Google's Cloud Functions SLA (version of 2018-04-06) and its claim form (30 days from the close of the month); check the current text",
	}
}

// cloudExclusions are the exclusions public-cloud SLAs commonly list.
func cloudExclusions() []string {
	return []string{"scheduled maintenance", "causes outside the provider's control",
		"the customer's own software, configuration or actions", "preview, free and trial services"}
}
