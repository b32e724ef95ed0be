// Package subproc is the sub-processor rules of Avtal: where a sub-processor
// sits (EU, EEA, a country with an adequacy decision, or a third country),
// what a change notice gives the customer (objection deadline, earliest
// effective date, whether the notice was long enough, what an objection
// leads to), the flags a reviewer should see, the portfolio of all
// sub-processors across agreements, and the comparison of a supplier's
// published list with the register.
//
// Decisions taken here, so that every face of Avtal answers the same:
//
//   - Objection without a stated window: GDPR art. 28(2) gives the customer
//     the chance to object before a change, so when the policy sets no
//     objection window the customer may object until the change takes
//     effect: the objection deadline is the day before the effective date
//     (the notice's, or when it states none, the earliest the policy's
//     advance notice allows). An objection on the day the sub-processor
//     starts comes too late. With neither, there is no deadline to compute.
//   - Transfer basis: a sub-processor's own transfer basis is used; if it
//     states none, the basis the DPA names for the whole agreement is used,
//     unless that basis is itself invalid (Privacy Shield, Safe Harbor).
//   - Country values in imported lists: ISO 3166-1 alpha-2 codes in any
//     case, and also country names in English or Swedish ("Sverige",
//     "Ireland", "USA"), which are turned into codes. Anything else is an
//     error that names the row and the column and, when the value is close
//     to a known name, the code to write instead.
//   - Imported lists: name and country are required columns; org number and
//     purpose are optional, and other columns are ignored. When comparing,
//     an empty org number or purpose in the list means "not stated", not
//     "removed".
package subproc
