using DiploPortal.Core.Attaches;

namespace DiploPortal.Core.DemoData;

/// <summary>Plausible officers' names by naming tradition, and ranks by service and post.</summary>
internal static class DemoNames
{
    private sealed record NameGroup(string[] Given, string[] Family, bool FamilyFirst = false);

    // Groups whose family names change with gender (Kowalski/Kowalska) list men's given names only,
    // so that no generated name mixes the forms.
    private static readonly Dictionary<string, NameGroup> Groups = new(StringComparer.Ordinal)
    {
        ["anglo"] = new(
            ["James", "Sarah", "Michael", "David", "Emma", "Richard", "Andrew", "Catherine", "Thomas", "Mark", "Rachel", "Daniel", "Peter", "Helen"],
            ["Smith", "Taylor", "Brown", "Wilson", "Harris", "Clarke", "Walker", "Mitchell", "Hughes", "Campbell", "Reid", "Morgan", "Bennett", "Fraser", "O'Connor"]),
        ["french"] = new(
            ["Jean", "Pierre", "Nicolas", "Sophie", "Laurent", "Étienne", "Claire", "Olivier", "Mathieu", "Isabelle", "François", "Julien"],
            ["Martin", "Bernard", "Dubois", "Lefèvre", "Moreau", "Laurent", "Girard", "Fournier", "Rousseau", "Mercier", "Blanc", "Garnier"]),
        ["west-african-french"] = new(
            ["Amadou", "Moussa", "Ibrahima", "Aminata", "Souleymane", "Ousmane", "Fatoumata", "Mamadou", "Issa", "Abdoulaye"],
            ["Diallo", "Traoré", "Keïta", "Coulibaly", "Ndiaye", "Sow", "Camara", "Touré", "Koné", "Ouédraogo"]),
        ["german"] = new(
            ["Stefan", "Andreas", "Katrin", "Matthias", "Thomas", "Jörg", "Sabine", "Markus", "Christian", "Anja", "Florian"],
            ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Wagner", "Becker", "Hoffmann", "Krause", "Zimmermann", "Hartmann"]),
        ["dutch"] = new(
            ["Jeroen", "Pieter", "Marieke", "Sander", "Bas", "Lotte", "Maarten", "Ruud", "Joost"],
            ["de Jong", "Jansen", "de Vries", "van den Berg", "Bakker", "Visser", "Smit", "Mulder", "van Dijk"]),
        ["nordic"] = new(
            ["Lars", "Erik", "Anders", "Ingrid", "Magnus", "Henrik", "Kristin", "Ole", "Johan", "Sigrid", "Mikkel"],
            ["Johansson", "Andersen", "Nilsson", "Hansen", "Larsen", "Eriksson", "Lindqvist", "Berg", "Dahl", "Solberg", "Nielsen"]),
        ["finnic-baltic"] = new(
            ["Mikko", "Juha", "Jānis", "Tomas", "Mart", "Andrus", "Mindaugas", "Kristaps"],
            ["Virtanen", "Korhonen", "Tamm", "Saar", "Bērziņš", "Kalniņš", "Kazlauskas", "Petrauskas", "Mäkinen", "Lehtonen"]),
        ["iberian"] = new(
            ["Carlos", "Javier", "María", "Alejandro", "Luis", "Fernando", "Ana", "Jorge", "Diego", "Lucía", "Ricardo", "Andrés"],
            ["García", "Fernández", "López", "Martínez", "Rodríguez", "Sánchez", "Pérez", "Gómez", "Morales", "Herrera", "Castillo", "Vargas"]),
        ["lusophone"] = new(
            ["João", "Pedro", "Ana", "Rafael", "Paulo", "Mariana", "Tiago", "Luís", "Fernanda", "Rodrigo"],
            ["Silva", "Santos", "Oliveira", "Pereira", "Costa", "Ferreira", "Almeida", "Carvalho", "Rodrigues", "Sousa"]),
        ["italian"] = new(
            ["Marco", "Giuseppe", "Alessandro", "Francesca", "Luca", "Paolo", "Giulia", "Stefano", "Roberto", "Chiara"],
            ["Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco"]),
        ["greek"] = new(
            ["Georgios", "Konstantinos", "Dimitrios", "Nikolaos", "Ioannis", "Panagiotis", "Christos", "Andreas"],
            ["Papadopoulos", "Nikolaidis", "Georgiou", "Konstantinou", "Dimitriou", "Ioannou", "Vlachos", "Antoniou", "Christodoulou"]),
        ["east-slavic"] = new(
            ["Sergei", "Alexei", "Dmitri", "Andriy", "Igor", "Viktor", "Oleksandr", "Mikhail", "Yuri", "Pavel"],
            ["Ivanov", "Petrenko", "Smirnov", "Kovalenko", "Volkov", "Sokolov", "Shevchenko", "Morozov", "Lebedev", "Bondarenko", "Kuznetsov"]),
        ["west-slavic"] = new(
            ["Piotr", "Tomasz", "Krzysztof", "Jakub", "Marek", "Pavel", "Jan", "Lukáš", "Michał"],
            ["Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kamiński", "Novák", "Svoboda", "Dvořák", "Horváth", "Zieliński"]),
        ["south-slavic"] = new(
            ["Marko", "Nikola", "Ivan", "Dragan", "Milan", "Goran", "Stefan", "Petar", "Zoran"],
            ["Petrović", "Jovanović", "Horvat", "Kovačević", "Novak", "Marković", "Nikolić", "Georgiev", "Dimitrov", "Popović"]),
        ["romance-east"] = new(
            ["Andrei", "Mihai", "Ioana", "Adrian", "Cristian", "Elena", "László", "Gábor", "Bogdan"],
            ["Popescu", "Ionescu", "Dumitru", "Stan", "Constantinescu", "Nagy", "Kovács", "Tóth", "Szabó", "Munteanu"]),
        ["turkic"] = new(
            ["Mehmet", "Ahmet", "Mustafa", "Ayşe", "Emre", "Burak", "Elif", "Kemal", "Murat", "Serkan"],
            ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Aydın", "Öztürk", "Arslan", "Doğan", "Kılıç"]),
        ["central-asian"] = new(
            ["Nurlan", "Timur", "Aibek", "Rustam", "Bakhyt", "Farkhod", "Yerlan", "Azamat"],
            ["Nurmagambetov", "Abdullayev", "Karimov", "Akhmetov", "Tokayev", "Rakhimov", "Yusupov", "Seitkali", "Usmonov", "Zhaksylykov"]),
        ["mongolian"] = new(
            ["Bat-Erdene", "Ganbold", "Oyunchimeg", "Tsogtbaatar", "Enkhbayar", "Batbayar", "Sarangerel", "Munkhbat"],
            ["Dorj", "Bold", "Ganzorig", "Purevdorj", "Naranbaatar", "Erdenebat", "Tumurbaatar", "Sukhbaatar"]),
        ["arabic"] = new(
            ["Mohammed", "Ahmed", "Khalid", "Omar", "Fatima", "Abdullah", "Youssef", "Hassan", "Faisal", "Layla", "Tariq", "Saeed"],
            ["Al-Harbi", "Al-Otaibi", "Haddad", "Mansour", "Al-Mansouri", "Khalil", "Nasser", "Al-Qahtani", "Saleh", "Hamdan", "Aziz", "Farouk"]),
        ["caucasian"] = new(
            ["Armen", "Davit", "Giorgi", "Levan", "Nino", "Tigran", "Ani", "Irakli", "Vahan"],
            ["Petrosyan", "Grigoryan", "Hakobyan", "Beridze", "Kapanadze", "Gelashvili", "Sargsyan", "Lomidze", "Tsiklauri"]),
        ["persian"] = new(
            ["Ali", "Reza", "Hossein", "Maryam", "Mohammad", "Amir", "Farhad", "Dariush", "Ahmad", "Zahra"],
            ["Hosseini", "Rahimi", "Karimi", "Mohammadi", "Ahmadi", "Rezaei", "Jafari", "Sadeghi", "Naderi", "Popal"]),
        ["hebrew"] = new(
            ["David", "Yossi", "Avi", "Noa", "Eitan", "Moshe", "Tamar", "Amir", "Yael", "Ronen"],
            ["Cohen", "Levi", "Mizrahi", "Peretz", "Biton", "Friedman", "Shapiro", "Ben-David", "Katz", "Golan"]),
        ["south-asian"] = new(
            ["Rajesh", "Anil", "Vikram", "Priya", "Sanjay", "Arjun", "Suresh", "Kavita", "Rahul", "Deepak", "Manoj"],
            ["Sharma", "Singh", "Kumar", "Patel", "Rao", "Nair", "Iyer", "Reddy", "Gupta", "Menon", "Thapa"]),
        ["south-asian-muslim"] = new(
            ["Imran", "Asif", "Bilal", "Ayesha", "Kamran", "Shahid", "Nadia", "Faisal", "Rashid", "Tanvir"],
            ["Khan", "Ahmed", "Qureshi", "Malik", "Chaudhry", "Hussain", "Rahman", "Hossain", "Siddiqui", "Islam"]),
        ["sinhala"] = new(
            ["Ruwan", "Chaminda", "Nuwan", "Dilani", "Kasun", "Sanjeewa", "Priyantha", "Nimal"],
            ["Perera", "Fernando", "de Silva", "Jayasuriya", "Wickramasinghe", "Bandara", "Gunawardena", "Rajapaksa"]),
        ["chinese"] = new(
            ["Wei", "Jun", "Lei", "Ming", "Hui", "Jian", "Yan", "Qiang", "Hao", "Xiaoling", "Zhiwei"],
            ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu", "Xu", "Sun"],
            FamilyFirst: true),
        ["japanese"] = new(
            ["Hiroshi", "Takeshi", "Kenji", "Yuko", "Satoshi", "Daisuke", "Akira", "Naoko", "Kazuya", "Makoto"],
            ["Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito", "Yamamoto", "Nakamura", "Kobayashi", "Kato"]),
        ["korean"] = new(
            ["Min-jun", "Seo-yeon", "Ji-hoon", "Hyun-woo", "Sung-min", "Jae-won", "Eun-ji", "Dong-hyun", "Young-ho"],
            ["Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim"],
            FamilyFirst: true),
        ["vietnamese"] = new(
            ["Minh", "Tuan", "Hung", "Lan", "Duc", "Thanh", "Huong", "Quang", "Long"],
            ["Nguyen", "Tran", "Le", "Pham", "Hoang", "Phan", "Vu", "Dang", "Bui"],
            FamilyFirst: true),
        ["mainland-south-east-asian"] = new(
            ["Somchai", "Anan", "Niran", "Kanya", "Prasert", "Somsak", "Chanida", "Sokha", "Aung", "Kyaw"],
            ["Srisuk", "Chaiyaporn", "Wongsawat", "Boonmee", "Rattanakorn", "Phommachanh", "Sovann", "Thein", "Win", "Tun"]),
        ["malay"] = new(
            ["Ahmad", "Muhammad", "Aziz", "Hafiz", "Budi", "Agus", "Rizal", "Hendra", "Faizal"],
            ["bin Abdullah", "bin Ismail", "Rahman", "Hassan", "Santoso", "Wibowo", "Prasetyo", "Hidayat", "Kusuma", "Setiawan", "Nasution"]),
        ["filipino"] = new(
            ["Jose", "Mark", "Maria", "Rodrigo", "Jericho", "Ramon", "Cristina", "Paolo", "Eduardo", "Grace"],
            ["Santos", "Reyes", "Cruz", "Bautista", "Garcia", "Mendoza", "Villanueva", "Aquino", "Dela Cruz", "Ramos"]),
        ["east-african"] = new(
            ["John", "Joseph", "Grace", "Peter", "Samuel", "Daniel", "Esther", "Emmanuel", "Moses", "Abebe", "Tesfaye"],
            ["Otieno", "Mwangi", "Kamau", "Mugisha", "Okello", "Nyerere", "Mutua", "Wanjiku", "Bekele", "Tadesse", "Habimana"]),
        ["west-african"] = new(
            ["Chukwuemeka", "Oluwaseun", "Kwame", "Ngozi", "Abubakar", "Ibrahim", "Kofi", "Adaeze", "Emeka", "Yaw"],
            ["Okafor", "Adeyemi", "Mensah", "Bello", "Nwosu", "Boateng", "Abdullahi", "Asante", "Okonkwo", "Owusu"]),
        ["southern-african"] = new(
            ["Thabo", "Sipho", "Tendai", "Nomvula", "Lindiwe", "Bongani", "Tatenda", "Mpho", "Kagiso", "Pieter"],
            ["Nkosi", "Dlamini", "Moyo", "Ndlovu", "Mokoena", "Banda", "Phiri", "Mbeki", "Botha", "Khumalo"]),
        ["pacific"] = new(
            ["Sitiveni", "Josaia", "Mere", "Viliami", "Semisi", "Tevita", "Losana", "Ratu", "Michael", "Paul"],
            ["Rabuka", "Tupou", "Naivalu", "Fifita", "Waqa", "Kaufusi", "Tuilagi", "Namaliu", "Somare", "Vunipola"]),
    };

    private static readonly Dictionary<string, string> GroupByCode = BuildGroupByCode();

    // Air and naval ranks of the Commonwealth tradition (Group Captain, Wing Commander...).
    private static readonly HashSet<string> CommonwealthAirRanks = new(StringComparer.Ordinal)
    {
        "GBR", "AUS", "NZL", "IND", "PAK", "BGD", "LKA", "MYS", "NGA", "KEN", "GHA", "ZMB", "ZWE", "UGA",
    };

    public static string FullName(Random rng, DemoNation nation)
    {
        var group = Groups[GroupOf(nation)];
        var given = rng.Pick(group.Given);
        var family = rng.Pick(group.Family);
        return group.FamilyFirst ? $"{family} {given}" : $"{given} {family}";
    }

    public static string Rank(Random rng, DemoNation nation, MilitaryService service, AttachePost post)
    {
        var commonwealth = CommonwealthAirRanks.Contains(nation.Code);
        var senior = post == AttachePost.Defence;
        var junior = post == AttachePost.Assistant;
        return service switch
        {
            MilitaryService.Navy => senior ? rng.Pick(["Commodore", "Captain (Navy)", "Captain (Navy)", "Rear Admiral"])
                : junior ? rng.Pick(["Lieutenant Commander", "Commander"])
                : rng.Pick(["Captain (Navy)", "Commander"]),
            MilitaryService.AirForce when commonwealth => senior ? rng.Pick(["Air Commodore", "Group Captain", "Group Captain"])
                : junior ? rng.Pick(["Squadron Leader", "Wing Commander"])
                : rng.Pick(["Group Captain", "Wing Commander"]),
            MilitaryService.Marines => junior ? "Major" : rng.Pick(["Colonel", "Lieutenant Colonel"]),
            _ when commonwealth => senior ? rng.Pick(["Brigadier", "Colonel", "Colonel"])
                : junior ? rng.Pick(["Major", "Lieutenant Colonel"])
                : rng.Pick(["Colonel", "Lieutenant Colonel"]),
            _ => senior ? rng.Pick(["Brigadier General", "Colonel", "Colonel"])
                : junior ? rng.Pick(["Major", "Lieutenant Colonel"])
                : rng.Pick(["Colonel", "Lieutenant Colonel"]),
        };
    }

    private static string GroupOf(DemoNation nation)
    {
        if (GroupByCode.TryGetValue(nation.Code, out var group))
        {
            return group;
        }

        return (nation.Region, nation.SubRegion) switch
        {
            ("Africa", "Northern Africa") => "arabic",
            ("Africa", _) => "east-african",
            ("Americas", "Northern America") => "anglo",
            ("Americas", _) => "iberian",
            ("Asia", "Western Asia") => "arabic",
            ("Asia", "Central Asia") => "central-asian",
            ("Asia", "Southern Asia") => "south-asian",
            ("Asia", "South-eastern Asia") => "malay",
            ("Asia", _) => "chinese",
            ("Europe", "Eastern Europe") => "east-slavic",
            ("Europe", "Northern Europe") => "nordic",
            ("Europe", "Southern Europe") => "italian",
            ("Europe", _) => "german",
            ("Oceania", "Australia and New Zealand") => "anglo",
            ("Oceania", _) => "pacific",
            _ => "anglo",
        };
    }

    private static Dictionary<string, string> BuildGroupByCode()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string group, params string[] codes)
        {
            foreach (var code in codes)
            {
                map[code] = group;
            }
        }

        Add("anglo", "USA", "GBR", "CAN", "AUS", "NZL", "IRL", "JAM", "TTO", "BHS", "BRB", "GUY", "BLZ", "ATG", "DMA", "GRD", "KNA", "LCA", "VCT", "MLT");
        Add("french", "FRA", "BEL", "LUX", "MCO", "HTI");
        Add("west-african-french", "SEN", "CIV", "MLI", "BFA", "NER", "GIN", "BEN", "TGO", "MRT", "TCD", "CMR", "GAB", "COG", "COD", "CAF", "DJI", "COM", "MDG", "BDI");
        Add("german", "DEU", "AUT", "CHE", "LIE");
        Add("dutch", "NLD", "SUR");
        Add("nordic", "NOR", "SWE", "DNK", "ISL");
        Add("finnic-baltic", "FIN", "EST", "LVA", "LTU");
        Add("iberian", "ESP", "AND", "GNQ");
        Add("lusophone", "PRT", "BRA", "AGO", "MOZ", "CPV", "GNB", "STP", "TLS");
        Add("italian", "ITA", "SMR");
        Add("greek", "GRC", "CYP");
        Add("east-slavic", "RUS", "UKR", "BLR", "MDA");
        Add("west-slavic", "POL", "CZE", "SVK");
        Add("south-slavic", "SRB", "HRV", "BIH", "MNE", "MKD", "SVN", "BGR", "ALB");
        Add("romance-east", "ROU", "HUN");
        Add("turkic", "TUR", "AZE");
        Add("central-asian", "KAZ", "KGZ", "UZB", "TKM", "TJK");
        Add("mongolian", "MNG");
        Add("persian", "IRN", "AFG");
        Add("hebrew", "ISR");
        Add("south-asian", "IND", "NPL", "BTN");
        Add("south-asian-muslim", "PAK", "BGD", "MDV");
        Add("sinhala", "LKA");
        Add("chinese", "CHN", "TWN", "SGP");
        Add("japanese", "JPN");
        Add("korean", "KOR", "PRK");
        Add("vietnamese", "VNM");
        Add("mainland-south-east-asian", "THA", "LAO", "KHM", "MMR");
        Add("malay", "MYS", "IDN", "BRN");
        Add("filipino", "PHL");
        Add("east-african", "KEN", "TZA", "UGA", "RWA", "ETH", "SSD", "ERI", "SOM", "MWI", "SYC", "MUS");
        Add("west-african", "NGA", "GHA", "SLE", "LBR", "GMB");
        Add("southern-african", "ZAF", "ZWE", "ZMB", "BWA", "NAM", "LSO", "SWZ");
        Add("caucasian", "ARM", "GEO");
        return map;
    }
}
