package people

import (
	"strings"

	"github.com/transcript-cli/transcript/internal/model"
)

// hosts are the speaker names of whoever runs the call rather than speaks
// in it: the operator and its kin.
var hosts = map[string]bool{
	"operator": true, "moderator": true, "conference operator": true, "coordinator": true, "host": true,
}

// IsOperator reports whether a speaker name is the call's operator (or
// moderator, host, coordinator) rather than a person.
func IsOperator(name string) bool { return hosts[strings.ToLower(strings.TrimSpace(name))] }

// roleLabels are speaker labels, besides the operator's, that name a part
// in the call rather than a person, with the role they give.
var roleLabels = map[string]string{
	"analyst": model.RoleAnalyst, "unidentified analyst": model.RoleAnalyst,
	"unknown analyst": model.RoleAnalyst, "questioner": model.RoleAnalyst,
	"presenter": model.RoleUnknown, "interpreter": model.RoleUnknown,
	"unidentified participant": model.RoleUnknown, "unidentified speaker": model.RoleUnknown,
	"unidentified company representative": model.RoleExecutive, "company representative": model.RoleExecutive,
	"unknown speaker": model.RoleUnknown, "speaker": model.RoleUnknown, "participant": model.RoleUnknown,
	"audience member": model.RoleUnknown,
}

// RoleLabel reports whether a speaker label names a part in the call
// rather than a person ("Operator", "Analyst", "Unidentified Speaker"),
// and the role it gives.
func RoleLabel(name string) (role string, ok bool) {
	low := strings.ToLower(strings.TrimSpace(name))
	if hosts[low] {
		return model.RoleOperator, true
	}
	role, ok = roleLabels[low]
	return role, ok
}

// IsGenericAnalyst reports whether a speaker label stands for whichever
// analyst the operator has just introduced ("Analyst:", "Unidentified
// Analyst"), so that the label is one person per exchange, not one person.
func IsGenericAnalyst(name string) bool {
	role, ok := RoleLabel(name)
	return ok && role == model.RoleAnalyst
}

// RoleOf guesses a participant's role from a title ("Analyst", "Senior
// Research Analyst", "Chief Financial Officer"); "" when there is no title.
func RoleOf(title string) string {
	low := strings.ToLower(title)
	switch {
	case low == "":
		return ""
	case strings.Contains(low, "analyst") || strings.Contains(low, "research"):
		return model.RoleAnalyst
	case strings.Contains(low, "operator"):
		return model.RoleOperator
	}
	return model.RoleExecutive
}
