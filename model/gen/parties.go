package gen

import (
	"sync"

	"avtal/model"
)

// supplier is a company agreements are made with.
type supplier struct {
	name    string
	country string
	law     string
	lang    lang // the language its documents are usually in
}

// suppliers are invented Nordic names, built from stems and endings and
// ranked so a few suppliers hold many agreements and most hold a few.
// Made at the first agreement generated, not at every program's start.
var suppliers = sync.OnceValue(func() ranked[supplier] {
	stems := []string{"Norr", "Söder", "Väster", "Öster", "Fjäll", "Sjö", "Berg", "Skog", "Älv", "Lin", "Ask",
		"Björk", "Ek", "Gran", "Lönn", "Hav", "Strand", "Dal", "Ljus", "Kvarn", "Sten", "Fors", "Lod", "Tuna"}
	ends := []string{"data", "system", "soft", "tech", " IT", "moln", " Digital", "info", "logik", "nät",
		"arkiv", "signal"}
	forms := []struct {
		suffix, country, law string
		lang                 lang
	}{
		{" AS", "NO", "Norwegian law", en}, {" Oy", "FI", "Finnish law", en}, {" ApS", "DK", "Danish law", en},
	}
	var list []supplier
	for j := range ends {
		for i, stem := range stems {
			s := supplier{name: stem + ends[(i+j)%len(ends)] + " AB", country: "SE", law: "Swedish law", lang: sv}
			// One in four is Norwegian, Finnish or Danish, none of them at the top.
			if k := (i+3*j)%12 - 9; k >= 0 {
				f := forms[k]
				s = supplier{name: stem + ends[(i+j)%len(ends)] + f.suffix, country: f.country, law: f.law, lang: f.lang}
			}
			list = append(list, s)
		}
	}
	return rank(0.9, list...)
})

// pooledSub is a sub-processor of the pool; third marks a country outside
// the EU/EEA, which needs a transfer basis.
type pooledSub struct {
	name, org, country, purpose string
	third                       bool
}

// subPool is ranked by how often suppliers use each: the big clouds first,
// so the portfolio shows the concentration a real one does.
var subPool = rank(1.1,
	pooledSub{"Microsoft Ireland Operations Ltd (Azure)", "", "IE", "Hosting and storage in EU data centres", false},
	pooledSub{"Amazon Web Services EMEA SARL", "", "LU", "Hosting in EU regions", false},
	pooledSub{"Google Cloud EMEA Ltd", "", "IE", "Hosting and backups", false},
	pooledSub{"Microsoft Corporation", "", "US", "E-mail and office tools for support staff", true},
	pooledSub{"Amazon Web Services, Inc.", "", "US", "Content delivery network", true},
	pooledSub{"Sinch Sweden AB", "", "SE", "Sending e-mail and text messages", false},
	pooledSub{"Cloudflare, Inc.", "", "US", "DDoS protection and content delivery", true},
	pooledSub{"Zendesk, Inc.", "", "US", "Support tickets", true},
	pooledSub{"Google LLC", "", "US", "Usage analytics", true},
	pooledSub{"FourEdge AB", "556726-8106", "SE", "Data-centre operations", false},
	pooledSub{"Salesforce, Inc.", "", "US", "Customer contact records", true},
	pooledSub{"Twilio Inc. (SendGrid)", "", "US", "Transactional e-mail", true},
	pooledSub{"Norrsken Datacenter AB", "", "SE", "Colocation and operations", false},
	pooledSub{"Fjordnett Drift AS", "", "NO", "Second-line operations", false},
	pooledSub{"Atlassian Pty Ltd", "", "AU", "Issue tracking for development", true},
	pooledSub{"Okta, Inc.", "", "US", "Single sign-on", true},
	pooledSub{"Revontuli Pilvi Oy", "", "FI", "Off-site backups", false},
	pooledSub{"Nordlys Hosting ApS", "", "DK", "Hosting", false},
	pooledSub{"Sjövik Kundtjänst AB", "", "SE", "First-line user support", false},
	pooledSub{"Kvarnvik Print & Post AB", "", "SE", "Printing and posting letters", false},
	pooledSub{"Lövholmen Säkerhet AB", "", "SE", "Security monitoring (SOC)", false},
	pooledSub{"Granlid Utveckling AB", "", "SE", "Development and third-line support", false},
	pooledSub{"Tornedal Drift AB", "", "SE", "Operations outside office hours", false},
	pooledSub{"Isfjord Analyse AS", "", "NO", "Statistics and reporting", false},
	pooledSub{"Bengaluru Cloud Operations Pvt Ltd", "", "IN", "Round-the-clock monitoring", true},
)

// transferBases are what a DPA may name for a third-country transfer; the
// empty one is a gap the sub-processor pane flags.
var transferBases = []option[string]{
	{50, "EU standard contractual clauses (2021/914)"},
	{35, "EU–US Data Privacy Framework"},
	{10, "Binding corporate rules"},
	{5, ""},
}

// customers are the public bodies that hold the agreements.
var customers = []option[model.Party]{
	{60, model.Party{Name: "Exempelkommunen", OrgNumber: "212000-0000", Country: "SE"}},
	{15, model.Party{Name: "Region Exempelland", Country: "SE"}},
	{10, model.Party{Name: "Sjöstads kommun", Country: "SE"}},
	{10, model.Party{Name: "Bergsjö kommun", Country: "SE"}},
	{5, model.Party{Name: "Kommunalförbundet Exempeldalen", Country: "SE"}},
}

// owners are the units that answer for an agreement.
var owners = rank(0.8, "IT-avdelningen", "Digitaliseringsenheten", "Ekonomiavdelningen", "HR-avdelningen",
	"Vård och omsorg", "Utbildningsförvaltningen", "Samhällsbyggnad", "Kommunikationsenheten",
	"Upphandlingsenheten", "Dataskyddsombudet", "Kultur och fritid", "Räddningstjänsten")

// products are what an agreement buys, in Swedish and English.
var products = rank(0.7,
	[2]string{"ärendehantering", "case management"}, [2]string{"e-arkiv", "e-archive"},
	[2]string{"lönesystem", "payroll"}, [2]string{"schemaläggning", "staff scheduling"},
	[2]string{"e-tjänsteplattform", "e-service platform"}, [2]string{"dokumenthantering", "document management"},
	[2]string{"diarium", "registry"}, [2]string{"ekonomisystem", "finance system"},
	[2]string{"journalsystem", "health records"}, [2]string{"skolplattform", "school platform"},
	[2]string{"bokningssystem", "booking system"}, [2]string{"kartor och GIS", "maps and GIS"},
	[2]string{"intranät", "intranet"}, [2]string{"kontaktcenter", "contact centre"},
	[2]string{"e-underskrift", "e-signature"}, [2]string{"säker e-post", "secure e-mail"},
	[2]string{"beslutsstöd", "decision support"}, [2]string{"HR-system", "HR system"},
	[2]string{"upphandlingsstöd", "procurement support"}, [2]string{"fastighetssystem", "property management"},
	[2]string{"bibliotekssystem", "library system"}, [2]string{"servicedesk", "service desk"},
	[2]string{"videomöten", "video meetings"}, [2]string{"molnlagring", "cloud storage"},
	[2]string{"visselblåsartjänst", "whistleblowing service"}, [2]string{"felanmälan", "fault reporting"},
)
