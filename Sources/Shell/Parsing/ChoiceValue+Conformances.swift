import Planner

// The enums whose raw values a flag or positional chooses among.
extension Cadence: ChoiceValue {}
extension DrillForm: ChoiceValue {}
extension DrillRating: ChoiceValue {}
extension DrillScope: ChoiceValue {}
extension Format: ChoiceValue {}
extension Indicator: ChoiceValue {}
extension InspectionKind: ChoiceValue {}
extension PlanLevel: ChoiceValue {}
extension Role: ChoiceValue {}
extension Severity: ChoiceValue {}
extension UnitKind: ChoiceValue {}
extension VerificationResult: ChoiceValue {}
