namespace Ctms.Shared.Seeding;

/// <summary>The word lists and the schedule the scale plan draws from.</summary>
internal static class ScaleVocabulary
{
    public static readonly string[] InstitutionKinds = ["University Hospital", "Medical Center", "General Hospital", "Cancer Center", "Heart Institute", "Clinical Research Center"];
    public static readonly string[] Countries = ["KR", "US", "JP", "DE", "AU"];
    public static readonly float[] CountryWeights = [0.6f, 0.15f, 0.1f, 0.1f, 0.05f];
    public static readonly IReadOnlyList<string> Phases = ["phase-1-phase-2", "phase-2", "phase-3", "phase-3", "phase-4"];
    public static readonly IReadOnlyList<string> Milestones = ["selected", "feasibility-done", "contract-signed", "irb-approval", "site-initiation-visit", "activated"];

    public static readonly IReadOnlyList<(string Area, string Condition, IReadOnlyList<string> Inclusion, IReadOnlyList<string> Exclusion)> Areas =
    [
        ("Oncology (gastric cancer)", "advanced gastric adenocarcinoma",
            ["Age 19 years or older", "Histologically confirmed advanced gastric adenocarcinoma", "ECOG performance status 0 or 1", "Adequate organ function"],
            ["Prior systemic therapy for advanced disease", "Known brain metastases", "Pregnant or breast-feeding"]),
        ("Cardiology (HFpEF)", "heart failure with preserved ejection fraction",
            ["Age 40 years or older", "Heart failure with LVEF of 50% or more", "NT-proBNP of 300 pg/mL or more"],
            ["Acute decompensated heart failure within 4 weeks", "eGFR below 30 mL/min/1.73 m²"]),
        ("Endocrinology (type 2 diabetes)", "type 2 diabetes inadequately controlled on metformin",
            ["Age 18 to 75 years", "HbA1c between 7.0% and 10.5%", "Stable metformin dose for 8 weeks"],
            ["Type 1 diabetes", "Severe hypoglycaemia within 6 months", "eGFR below 45 mL/min/1.73 m²"]),
        ("Respiratory (COPD)", "moderate to severe COPD",
            ["Age 40 years or older", "Post-bronchodilator FEV1/FVC below 0.70", "At least one exacerbation in the past year"],
            ["Current asthma diagnosis", "Lung cancer within 5 years"]),
        ("Neurology (migraine)", "episodic migraine",
            ["Age 18 to 65 years", "4 to 14 migraine days per month"],
            ["Medication-overuse headache", "Uncontrolled hypertension", "Pregnant or breast-feeding"]),
    ];

    public static readonly string[] WithdrawalReasons =
        ["Withdrawal of consent", "Adverse event", "Lost to follow-up", "Investigator decision", "Protocol non-compliance", "Disease progression"];

    public static readonly string[] MissedReasons =
        ["Subject unavailable", "Subject hospitalised elsewhere", "Scheduling conflict not resolved in window", "Subject could not travel"];

    public static readonly string[] OutOfWindowReasons =
        ["Public holiday at the site", "Subject travelling", "Site closed for the day", "Subject unwell on the planned day"];

    public static readonly (string Category, string Description)[] ManualDeviations =
    [
        ("consent", "Consent form page initialled but not dated"),
        ("eligibility", "Eligibility laboratory value outside the protocol range at enrollment"),
        ("investigational-product", "Study drug dispensed from the wrong kit"),
        ("procedure", "ECG not performed at the visit"),
        ("procedure", "Fasting sample taken after a meal"),
        ("other", "Source document missing for the visit"),
    ];

    public static readonly string[] AdverseEventTerms =
        ["Nausea", "Fatigue", "Headache", "Diarrhoea", "Anaemia", "Neutropenia", "Rash", "Dizziness", "Hypertension", "Upper respiratory tract infection",
         "Pneumonia", "Atrial fibrillation", "Hypoglycaemia", "Arthralgia", "Peripheral oedema", "Febrile neutropenia"];

    public static readonly string[] Severities = ["mild", "mild", "mild", "moderate", "moderate", "severe"];
    public static readonly string[] Causalities = ["not-related", "unlikely", "possible", "probable", "related"];
    public static readonly string[] SeriousnessCriteria = ["hospitalisation", "hospitalisation", "hospitalisation", "important-medical-event", "life-threatening", "death"];

    /// <summary>
    /// 28 visits: screening (Day −28 … −1), baseline (Day 1), then every two weeks to week 52, ±3 days to week 12 and ±7 days after.
    /// </summary>
    public static IReadOnlyList<PlannedVisitDefinition> BuildSchedule()
    {
        var visits = new List<PlannedVisitDefinition>
        {
            new(1, "Screening", -14, 14, 13, ["Informed consent", "Eligibility review", "Vital signs", "Laboratory tests"]),
            new(2, "Baseline", 1, 0, 0, ["Eligibility review", "Vital signs", "Randomisation", "Drug dispensing"]),
        };
        for (var week = 2; week <= 52; week += 2)
        {
            var window = week <= 12 ? 3 : 7;
            visits.Add(new(visits.Count + 1, $"Week {week}", week * 7 + 1, window, window,
                week % 4 == 0 ? ["Vital signs", "Laboratory tests", "Adverse events", "Drug dispensing"] : ["Vital signs", "Adverse events"]));
        }

        return visits;
    }

    public static readonly IReadOnlyList<string> Procedures =
        ["Informed consent", "Eligibility review", "Vital signs", "Laboratory tests", "Randomisation", "Drug dispensing", "Adverse events"];
}
