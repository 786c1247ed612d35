namespace DiploPortal.Core.DemoData;

/// <summary>Phrases the generator composes titles, summaries and notes from.</summary>
internal static class DemoText
{
    public static readonly string[] Topics =
    [
        "maritime security", "cyber defence", "counter-terrorism cooperation", "defence industrial cooperation",
        "logistics interoperability", "search and rescue coordination", "humanitarian assistance and disaster relief",
        "arms control verification", "military medicine", "peacekeeping training", "space situational awareness",
        "border security", "integrated air and missile defence", "military education exchanges", "counter-piracy",
        "non-proliferation", "climate and security", "information sharing", "mine countermeasures",
        "confidence-building measures", "submarine rescue", "military aviation safety", "defence cooperation roadmap",
        "exercise planning", "women, peace and security", "critical undersea infrastructure", "hybrid threats",
        "military mobility", "coast guard cooperation", "explosive ordnance disposal",
    ];

    public static readonly string[] Services = ["Army-to-army", "Navy-to-navy", "Air force-to-air force", "Joint"];

    public static readonly string[] SeniorLeaders =
    [
        "Chief of Defence", "Chief of the Defence Staff", "Chief of Naval Staff", "Chief of the Air Staff",
        "Chief of Army", "Minister of Defence", "Deputy Minister of Defence", "Commander, Joint Operations Command",
    ];

    public static readonly string[] Ships = ["offshore patrol vessel", "corvette", "training ship", "frigate", "destroyer", "replenishment ship", "amphibious assault ship"];

    public static readonly string[] SmallNavyShips = ["offshore patrol vessel", "corvette", "training ship", "frigate"];

    public static readonly string[] HotlineIncidents =
    [
        "an unsafe air intercept", "an unplanned encounter at sea", "a border patrol incident", "notification of a missile test",
        "an airspace violation", "a drone incursion", "deconfliction of air operations", "a close approach between warships",
        "an exchange of fire along the border", "a detained fishing vessel",
    ];

    public static readonly (string A, string B)[] HotlinePairs =
    [
        ("USA", "RUS"), ("USA", "CHN"), ("IND", "PAK"), ("IND", "CHN"), ("KOR", "PRK"), ("JPN", "CHN"), ("GRC", "TUR"),
        ("NOR", "RUS"), ("CHN", "VNM"), ("RUS", "TUR"), ("ISR", "RUS"), ("THA", "KHM"), ("ARM", "AZE"), ("CHN", "PHL"),
    ];

    public static readonly (string Nation, string Port)[] Ports =
    [
        ("USA", "San Diego"), ("USA", "Pearl Harbor"), ("USA", "Norfolk"), ("GBR", "Portsmouth"), ("GBR", "Plymouth"),
        ("FRA", "Toulon"), ("FRA", "Brest"), ("DEU", "Kiel"), ("JPN", "Yokosuka"), ("JPN", "Sasebo"), ("JPN", "Kure"),
        ("AUS", "Sydney"), ("AUS", "Darwin"), ("IND", "Mumbai"), ("IND", "Visakhapatnam"), ("IND", "Kochi"),
        ("CHN", "Qingdao"), ("CHN", "Zhanjiang"), ("RUS", "Vladivostok"), ("RUS", "Kronstadt"), ("KOR", "Busan"),
        ("ITA", "La Spezia"), ("ITA", "Taranto"), ("ESP", "Rota"), ("NLD", "Den Helder"), ("NOR", "Bergen"),
        ("SGP", "Changi"), ("IDN", "Jakarta"), ("IDN", "Surabaya"), ("PHL", "Subic Bay"), ("PHL", "Manila"),
        ("VNM", "Cam Ranh"), ("THA", "Sattahip"), ("MYS", "Port Klang"), ("NZL", "Auckland"), ("CAN", "Halifax"),
        ("CAN", "Esquimalt"), ("BRA", "Rio de Janeiro"), ("CHL", "Valparaíso"), ("ZAF", "Simon's Town"), ("KEN", "Mombasa"),
        ("DJI", "Djibouti"), ("OMN", "Muscat"), ("ARE", "Abu Dhabi"), ("BHR", "Manama"), ("SAU", "Jeddah"),
        ("EGY", "Alexandria"), ("TUR", "Istanbul"), ("GRC", "Souda Bay"), ("GRC", "Piraeus"), ("PRT", "Lisbon"),
        ("POL", "Gdynia"), ("SWE", "Karlskrona"), ("DNK", "Copenhagen"), ("FIN", "Helsinki"), ("EST", "Tallinn"),
        ("LKA", "Colombo"), ("BGD", "Chattogram"), ("PAK", "Karachi"), ("MEX", "Veracruz"), ("PER", "Callao"),
        ("COL", "Cartagena"), ("FJI", "Suva"), ("PNG", "Port Moresby"), ("TON", "Nuku'alofa"), ("MAR", "Casablanca"),
        ("NGA", "Lagos"), ("GHA", "Tema"), ("SEN", "Dakar"), ("MUS", "Port Louis"), ("QAT", "Doha"),
    ];

    public static readonly (string Nation, string Venue, string City)[] ConferenceVenues =
    [
        ("SGP", "Shangri-La Dialogue", "Singapore"), ("DEU", "Munich Security Conference", "Munich"),
        ("CAN", "Halifax International Security Forum", "Halifax"), ("IND", "Raisina Dialogue", "New Delhi"),
        ("BHR", "Manama Dialogue", "Manama"), ("CHN", "Beijing Xiangshan Forum", "Beijing"),
        ("AUS", "Indo-Pacific Sea Power Conference", "Sydney"), ("JPN", "Tokyo Defense Forum", "Tokyo"),
        ("USA", "Pacific Armies Management Seminar", "Honolulu"), ("NOR", "Arctic Security Roundtable", "Oslo"),
    ];

    public static string RegionalAdjective(string region) => region switch
    {
        "Africa" => "African",
        "Americas" => "Western Hemisphere",
        "Asia" => "Indo-Pacific",
        "Europe" => "Euro-Atlantic",
        "Oceania" => "South Pacific",
        _ => "Regional",
    };

    public static readonly string[] DialogueDetails =
    [
        "Delegations reviewed progress since the last round and the outlook for {0}",
        "The talks covered {0} and the exchange of liaison officers",
        "Both sides set out their threat assessments and compared priorities for {0}",
        "The agenda included {0}, training exchanges and the calendar of visits",
        "Discussion focused on practical steps in {0}",
        "Participants examined gaps in {0} identified during recent operations",
    ];

    public static readonly string[] VisitDetails =
    [
        "The programme included calls on the defence minister and the service chiefs and a visit to a training establishment",
        "The visit included a briefing on {0} and a tour of a naval base",
        "Talks with counterparts centred on {0}; the delegation also met students of the staff college",
        "The delegation observed a demonstration by special forces and discussed {0}",
    ];

    public static readonly string[] PortVisitDetails =
    [
        "The crew hosted a deck reception for local officials and conducted a passing exercise on departure",
        "The visit included ship tours for the public, sports fixtures with the host navy and a wreath-laying ceremony",
        "Officers held a harbour-phase planning meeting on {0} with the host navy",
        "The ship took on fuel and stores and her command team called on the regional naval commander",
    ];

    public static readonly string[] ConferenceDetails =
    [
        "Panels addressed {0}; side meetings were held with several delegations",
        "Plenary sessions covered {0}, with a closed-door round table for defence chiefs",
        "The conference adopted a chair's statement on {0}",
        "Delegates presented national perspectives on {0}",
    ];

    public static readonly string[] HotlineDetails =
    [
        "Duty officers exchanged information on the positions of units involved",
        "Both sides confirmed their intent to avoid escalation and agreed to keep the line open",
        "The call clarified the circumstances and the communications procedures to follow",
        "Each side set out its account of events and asked for restraint",
    ];

    public static readonly string[] PositiveClosings =
    [
        "Both sides agreed on next steps and a date for the next round.",
        "The parties signed a letter of intent.",
        "Agreement was reached on a joint working group.",
        "The meeting confirmed a shared approach and practical follow-up.",
    ];

    public static readonly string[] NeutralClosings =
    [
        "Positions were exchanged without new commitments.",
        "The parties noted their differences and agreed to stay in contact.",
        "No decisions were taken; working-level contacts will continue.",
    ];

    public static readonly string[] NegativeClosings =
    [
        "The talks ended without agreement.",
        "One side withdrew from the planned follow-up meeting.",
        "Differences over the agenda prevented progress.",
    ];

    public static readonly string[] OutcomeNotesPositive =
    [
        "Terms of reference for a working group agreed; first meeting to be scheduled.",
        "Memorandum of understanding text finalised for signature.",
        "Agreed to exchange liaison officers and share exercise calendars.",
        "Follow-on staff talks agreed for the next quarter.",
        "Joint statement issued; hotline procedures confirmed.",
    ];

    public static readonly string[] OutcomeNotesNeutral =
    [
        "Useful exchange of views; no commitments made.",
        "Both sides agreed to continue working-level contacts.",
        "Further consultation with capitals required before any decision.",
    ];

    public static readonly string[] OutcomeNotesNegative =
    [
        "Counterpart declined the proposed confidence-building measures.",
        "Planned follow-up meeting postponed indefinitely.",
        "Talks broke down over sequencing of commitments.",
    ];

    public static readonly string[] OutcomeNotesInconclusive =
    [
        "Outcome unclear; awaiting the counterpart's written response.",
        "Discussion overtaken by events; to be revisited.",
        "Agreement in principle, but no implementation timeline.",
    ];

    public static readonly string[] FollowUpActions =
    [
        "Exchange draft terms of reference for a working group on {0}",
        "Schedule follow-on staff talks on {0}",
        "Share the after-action report with participating nations",
        "Nominate points of contact for {0}",
        "Draft a memorandum of understanding on {0}",
        "Arrange a reciprocal visit by the counterpart delegation",
        "Circulate the record of discussion for comment",
        "Propose dates for a table-top exercise on {0}",
        "Confirm places on the next staff college course",
        "Prepare a brief for the minister on {0}",
    ];

    public static readonly string[] FollowUpOwners =
    [
        "J5 Plans", "Defence Attaché", "International Policy Directorate", "Naval Staff", "Air Staff",
        "Army Headquarters", "Joint Operations Command", "Defence Cooperation Branch",
    ];

    public static readonly string[] ReportSubjects =
    [
        "naval modernisation", "the defence budget", "procurement priorities", "border posture", "military education reform",
        "reserve forces", "coast guard capacity", "air defence upgrades", "the new cyber command", "peacekeeping commitments",
        "defence industry exports", "recruitment and retention", "civil-military relations", "the defence white paper",
        "regional force posture", "military exercises with third countries",
    ];

    public static readonly string[] ReportBodies =
    [
        "Sources in the ministry of defence indicate that {1} will remain a priority over the coming budget cycle.",
        "Recent statements by the chief of defence suggest a shift in emphasis towards {1}.",
        "Conversations with counterparts at the staff college point to continuing debate about {1}.",
        "Open-source reporting and official briefings are consistent on the direction of {1}.",
        "The host nation has asked for expert support on {1}; a response is recommended.",
        "Implications for our defence cooperation programme are modest but worth monitoring.",
        "The host's armed forces continue to seek closer training ties with partners in the region.",
        "Attendance at the annual defence exhibition confirmed strong interest in foreign partnerships.",
    ];

    public static readonly string[] ExerciseAdjectives =
    [
        "Iron", "Northern", "Southern", "Pacific", "Atlantic", "Desert", "Silent", "Steel", "Golden", "Swift", "Bold",
        "Eastern", "Western", "Blue", "Red", "Arctic", "Coastal", "Joint", "Allied", "Rapid", "Distant", "Tropic",
        "Noble", "Vigilant", "Sovereign", "Crimson", "Emerald", "Granite", "Thunder", "Falcon", "Ocean", "Mountain",
        "Sentinel", "Shared", "Resolute", "Strong", "Brave", "Highland", "Island", "Southern Cross",
    ];

    public static readonly string[] ExerciseNouns =
    [
        "Falcon", "Trident", "Shield", "Sabre", "Eagle", "Dragon", "Lion", "Tiger", "Anchor", "Arrow", "Spear", "Horizon",
        "Guardian", "Harbour", "Bridge", "Partner", "Storm", "Lightning", "Wave", "Reach", "Response", "Endeavour", "Venture",
        "Compass", "Sentry", "Strike", "Resolve", "Hawk", "Cobra", "Panther", "Bear", "Wolf", "Orca", "Kestrel", "Sparrow",
        "Summit", "Frontier", "Crossing", "Passage", "Dawn", "Tide", "Current", "Keystone", "Rampart", "Citadel", "Beacon",
        "Lantern", "Bastion", "Harvest", "Mosaic",
    ];

    public static readonly string[] ObservationsCommon =
    [
        "Liaison officers at each headquarters shortened decision cycles",
        "Differing national rules of engagement slowed the approval of some serials",
        "Secure communications between participants were not available until the second week",
        "Common logistic support arrangements reduced duplication",
        "Language training for staff officers paid off in combined planning cells",
        "Reporting formats differed between participants and had to be reconciled daily",
        "The exercise control cell was under-staffed for the number of injects",
        "Host-nation support was well organised and responsive",
    ];

    public static readonly string[] LessonsCommon =
    [
        "Embed liaison officers from the main planning conference onwards",
        "Agree rules of engagement and national caveats at the final planning conference",
        "Establish and test the communications architecture before execution",
        "Adopt a common reporting template in the exercise instructions",
        "Fund language training for key staff appointments",
        "Plan the exercise control cell against the inject schedule",
        "Retain the host-nation support arrangements as a model",
        "Share the scenario with all participants earlier in planning",
    ];

    /// <summary>What the next edition should do, one for each of <see cref="LessonsCommon"/>.</summary>
    public static readonly string[] RecommendationsCommon =
    [
        "Name liaison officers in the exercise instructions and invite them to the main planning conference",
        "Table a caveat matrix at the final planning conference for every participant to confirm",
        "Run a communications rehearsal one month before execution",
        "Issue the reporting template with the exercise specification",
        "Budget language courses for the headquarters staff a year ahead",
        "Staff the exercise control cell before the inject schedule is written",
        "Use this year's host-nation support arrangement as the template for the next edition",
        "Release the scenario to all participants at the initial planning conference",
    ];

    public static readonly string[] Objectives =
    [
        "Improve interoperability of command and control between participating forces",
        "Exercise combined planning and execution of {0} operations",
        "Build mutual trust and understanding between participating nations",
        "Test procedures for the exchange of operational information",
        "Practise integration of partner forces into a combined joint task force",
        "Validate readiness of designated units for {0} tasks",
    ];

    public static readonly string[] Scenarios =
    [
        "A fictitious regional crisis escalates after a contested election in a neighbouring state; a coalition deploys to restore stability.",
        "A major earthquake strikes a coastal region; participating forces support civil authorities with relief and evacuation.",
        "Non-state armed groups threaten shipping lanes; a combined maritime task force secures sea lines of communication.",
        "A hostile state masses forces on a partner's border; participants plan and conduct a defensive operation.",
        "A cyber attack disrupts critical infrastructure; national teams coordinate detection, attribution and response.",
        "A cyclone devastates an island state; forces deliver aid, restore the port and evacuate foreign nationals.",
        "Peacekeepers deploy to a buffer zone under a UN mandate and must protect civilians during a ceasefire breakdown.",
        "A submarine is disabled on the seabed; participating navies coordinate rescue and medical response.",
    ];

    public static readonly string[] CancellationReasons =
    [
        "host-nation budget constraints", "a deteriorating security situation", "the diversion of forces to an operation",
        "a national election period", "a natural disaster in the host nation",
    ];

    public static readonly string[] AssessmentSources =
    [
        "the record of discussion", "attaché reporting", "follow-up correspondence", "the after-action report",
        "media monitoring", "partner feedback", "liaison officer reports", "a survey of participants",
    ];

    public static readonly string[] AssessmentFindings =
    [
        "Counterparts have since initiated contact on their own.",
        "Commitments made have been partly implemented.",
        "No measurable change in behaviour has been observed yet.",
        "Working-level contacts increased noticeably afterwards.",
        "The partner has requested a follow-on activity.",
        "Public statements from the partner were noticeably warmer.",
        "Incidents in the area of concern declined over the following quarter.",
    ];

    public static readonly string[] MissionTasks =
    [
        "airlift of relief supplies", "field hospitals", "water purification", "search and rescue",
        "engineering support to restore roads and bridges", "medical evacuation", "distribution of food and shelter",
        "port and airfield operations", "vaccination support", "logistics coordination with UN agencies",
    ];

    public static string Format(string template, string value) => string.Format(System.Globalization.CultureInfo.InvariantCulture, template, value);

    public static string Format(string template, string first, string second) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, template, first, second);
}
