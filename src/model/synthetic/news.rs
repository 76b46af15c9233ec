//! The words of the generated library ([`super::library`]): the people and organisations that
//! speak across many articles, and each topic's headlines, claims and background sentences.
//! Every name is invented. Claims never hold a sentence end (`.` `;` `!` `?`), so a date
//! phrase's sentence is the one it is written in.

/// A person or organisation: its entity name, how articles mention it (the first in full, at
/// a first mention) and the word a headline uses.
pub(super) struct Actor {
    pub entity: &'static str,
    pub mentions: &'static [&'static str],
    pub headline: &'static str,
}

const fn actor(
    entity: &'static str,
    mentions: &'static [&'static str],
    headline: &'static str,
) -> Actor {
    Actor {
        entity,
        mentions,
        headline,
    }
}

// One line each, so the cast reads as a table.
#[rustfmt::skip]
pub(super) const ACTORS: &[Actor] = &[
    actor("Maria Keller", &["Finance Minister Maria Keller", "Maria Keller", "Keller"], "Keller"),
    actor("Tomas Lind", &["Foreign Minister Tomas Lind", "Tomas Lind", "Lind"], "Lind"),
    actor("Elena Varga", &["Prime Minister Elena Varga", "Elena Varga", "Varga"], "Varga"),
    actor("Amir Haddad", &["government spokesperson Amir Haddad", "Amir Haddad", "Haddad"], "Government"),
    actor("Sofia Marín", &["Health Minister Sofia Marín", "Sofia Marín", "Marín"], "Marín"),
    actor("Jonas Berg", &["Energy Minister Jonas Berg", "Jonas Berg", "Berg"], "Berg"),
    actor("Lucia Ferreira", &["central bank governor Lucia Ferreira", "Lucia Ferreira", "Ferreira"], "Ferreira"),
    actor("Daniel Okafor", &["opposition leader Daniel Okafor", "Daniel Okafor", "Okafor"], "Okafor"),
    actor("Hana Novák", &["Transport Minister Hana Novák", "Hana Novák", "Novák"], "Novák"),
    actor("Piotr Zieliński", &["Defence Minister Piotr Zieliński", "Piotr Zieliński", "Zieliński"], "Zieliński"),
    actor("Grace Mwangi", &["Environment Minister Grace Mwangi", "Grace Mwangi", "Mwangi"], "Mwangi"),
    actor("Rafael Ortiz", &["Interior Minister Rafael Ortiz", "Rafael Ortiz", "Ortiz"], "Ortiz"),
    actor("Inès Dubois", &["Trade Commissioner Inès Dubois", "Inès Dubois", "Dubois"], "Dubois"),
    actor("Kenji Watanabe", &["union leader Kenji Watanabe", "Kenji Watanabe", "Watanabe"], "Watanabe"),
    actor("Sara Lindqvist", &["ministry spokesperson Sara Lindqvist", "Sara Lindqvist", "Lindqvist"], "Ministry"),
    actor("Mehmet Aydın", &["Mayor Mehmet Aydın", "Mehmet Aydın", "Aydın"], "Mayor"),
    actor("Renée Côté", &["economist Renée Côté", "Renée Côté", "Côté"], "Côté"),
    actor("Ministry of Finance", &["the Finance Ministry", "the Ministry of Finance"], "Finance Ministry"),
    actor("Ministry of Health", &["the Health Ministry", "the Ministry of Health"], "Health Ministry"),
    actor("Central Bank", &["the Central Bank", "the bank’s policy board"], "Central Bank"),
    actor("National Statistics Office", &["the National Statistics Office", "the statistics office"], "Statistics office"),
    actor("World Health Organization", &["the World Health Organization", "the WHO"], "WHO"),
    actor("International Monetary Fund", &["the International Monetary Fund", "the IMF"], "IMF"),
    actor("European Commission", &["the European Commission", "the Commission"], "Commission"),
    actor("Federation of Industry", &["the Federation of Industry", "the industry federation"], "Industry"),
    actor("Green Alliance", &["the Green Alliance", "the Greens"], "Green Alliance"),
    actor("Port Authority", &["the Port Authority", "the port’s operator"], "Port Authority"),
    actor("National Rail", &["National Rail", "the rail operator"], "National Rail"),
    actor("Consumer Council", &["the Consumer Council", "the consumer watchdog"], "Consumer Council"),
    actor("Teachers’ Union", &["the Teachers’ Union", "the teachers’ union"], "Teachers’ union"),
    actor("Supreme Court", &["the Supreme Court", "the court"], "Supreme Court"),
];

/// A subject of the news: headline patterns (`{who}` is an actor's headline word), claims in
/// reported speech (`{target}` is an actor the claim is about) and sentences without
/// annotations.
pub(super) struct Topic {
    pub headlines: &'static [&'static str],
    pub claims: &'static [&'static str],
    pub background: &'static [&'static str],
}

pub(super) const TOPICS: &[Topic] = &[
    Topic {
        headlines: &[
            "{who} defends budget as deficit widens",
            "{who} warns growth will slow this year",
            "{who} under pressure over tax plan",
            "Budget talks stall as {who} digs in",
            "{who} signals spending cuts, unions push back",
        ],
        claims: &[
            "the budget deficit would fall below 3 percent of output within two years",
            "the new fuel tax had raised far less than the government promised",
            "{target} had understated the cost of the pension reform by several billion",
            "public debt was stable and markets had no reason for concern",
            "the so-called \"solidarity levy\" had hit middle-income families hardest",
            "spending on roads, schools and hospitals could not be cut further",
            "{target} was blocking a compromise on the regional funding formula",
            "growth had slowed to 0.4 percent in the last quarter",
        ],
        background: &[
            "Parliament must approve the budget before the end of the session.",
            "The deficit has exceeded the legal ceiling in two of the past five years.",
            "Ratings agencies have kept the country’s outlook unchanged.",
            "Analysts described the figures as broadly in line with expectations.",
        ],
    },
    Topic {
        headlines: &[
            "{who} calls for hospital funding overhaul",
            "Waiting lists grow, says {who}",
            "{who} defends vaccine campaign",
            "{who} rejects criticism over clinic closures",
        ],
        claims: &[
            "waiting times for routine surgery had doubled since the pandemic",
            "the vaccination campaign had reached 82 percent of people over 65",
            "{target} had ignored repeated warnings about staff shortages",
            "rural clinics would need an extra 1,200 nurses to stay open",
            "the new contract for junior doctors was fair, affordable and final",
            "{target} had misrepresented the hospital data to parliament",
            "the number of measles cases was the highest in a decade",
        ],
        background: &[
            "Hospital managers have asked for a multi-year funding plan.",
            "The health service employs more than 300,000 people.",
            "Nurses’ representatives met the ministry twice in the spring.",
            "Several regional hospitals have closed wards over the summer.",
        ],
    },
    Topic {
        headlines: &[
            "{who} says grid can cope with winter demand",
            "Energy prices: {who} rules out new subsidies",
            "{who} backs offshore wind expansion",
            "{who} criticised over power plant delay",
        ],
        claims: &[
            "gas storage was 94 percent full and supplies were secure",
            "household energy bills had fallen by a fifth compared with last winter",
            "{target} had delayed the offshore wind auction for political reasons",
            "the coal plant at Nordhavn could close without risk to supply",
            "grid operators had failed to invest in cross-border connections",
            "{target} was misleading consumers about the cost of heat pumps",
            "price caps had cost taxpayers more than they saved households",
        ],
        background: &[
            "The country imports about a third of its natural gas.",
            "Wholesale electricity prices have been volatile for two years.",
            "The regulator publishes its price review every quarter.",
            "Two new interconnectors are under construction.",
        ],
    },
    Topic {
        headlines: &[
            "{who} promises faster trains by the end of the decade",
            "Rail strike talks: {who} sees no quick deal",
            "{who} faces questions over port expansion",
            "{who} defends motorway toll increase",
        ],
        claims: &[
            "punctuality on the main lines had improved for the third month in a row",
            "the port expansion had run 40 percent over budget",
            "{target} had refused to negotiate over pay and working hours",
            "the motorway toll increase would fund repairs to 300 bridges",
            "commuters were paying more for a service that had not improved",
            "{target} had awarded the signalling contract without a proper tender",
            "the night train to the capital had been fully booked since its launch",
        ],
        background: &[
            "The rail network carries about 250 million passengers a year.",
            "Freight volumes at the port have risen steadily.",
            "Commuter groups have organised protests at several stations.",
            "The last major rail strike lasted nine days.",
        ],
    },
    Topic {
        headlines: &[
            "{who} warns of retaliation in tariff dispute",
            "Trade deal within reach, says {who}",
            "{who} criticises steel import quotas",
            "Exporters worried as {who} hardens stance",
        ],
        claims: &[
            "the tariffs on steel and aluminium broke international trade rules",
            "exports to Asian markets had grown by 12 percent",
            "{target} was using safety rules to keep foreign goods out",
            "the trade agreement would protect farmers, fishers and small firms",
            "the dispute had already cost exporters more than 800 million",
            "{target} had not consulted industry before announcing the quotas",
            "a deal on tariffs was closer than at any point in the negotiations",
        ],
        background: &[
            "The two sides have held eleven rounds of talks.",
            "Steel makers employ about 40,000 people in the north.",
            "A panel of trade experts is reviewing the complaint.",
            "Exporters’ associations have asked for a transition period.",
        ],
    },
    Topic {
        headlines: &[
            "{who} sets tougher emissions target",
            "Floods renew debate, {who} responds",
            "{who} accused of backtracking on climate pledges",
            "{who} unveils plan to protect coastal towns",
        ],
        claims: &[
            "emissions had fallen by 4 percent, the largest drop outside a recession",
            "the flood defences in the delta towns were decades out of date",
            "{target} had quietly watered down the methane rules",
            "the climate plan would create 30,000 jobs in insulation and repair",
            "farmers could not meet the nitrogen limits without public support",
            "{target} had failed to spend the money set aside for flood protection",
            "the new rules would cost industry far more than officials claimed",
        ],
        background: &[
            "River levels reached record heights in several provinces.",
            "The climate law requires a progress report every year.",
            "Environmental groups have taken the government to court before.",
            "Insurance claims after the storms are still being assessed.",
        ],
    },
    Topic {
        headlines: &[
            "{who} promises smaller classes",
            "Teachers threaten strike as {who} holds firm",
            "{who} defends reform of school exams",
            "{who} warns of teacher shortage",
        ],
        claims: &[
            "one in ten teaching posts in the capital was unfilled",
            "the exam reform would reduce pressure on students without lowering standards",
            "{target} had broken its promise to raise teachers’ pay in line with inflation",
            "class sizes in primary schools had fallen to an average of 23",
            "school buildings in the east needed urgent repairs to their roofs and heating",
            "{target} was exaggerating the effect of the strike on exam results",
        ],
        background: &[
            "The school year starts in the first week of September.",
            "About 1.2 million pupils sit national exams each summer.",
            "Teacher training places were cut a decade ago.",
            "Parents’ associations have asked for clearer timetables.",
        ],
    },
    Topic {
        headlines: &[
            "{who} seeks ceasefire talks",
            "{who} condemns border incident",
            "Defence spending to rise, says {who}",
            "{who} meets counterparts on security pact",
        ],
        claims: &[
            "the border incident had been a deliberate provocation",
            "defence spending would reach 2 percent of output, as promised to allies",
            "{target} had violated the ceasefire at least a dozen times",
            "the security pact did not commit the country to send troops abroad",
            "the embassy had received no request for consular help",
            "{target} was spreading false reports about the troop movements",
            "talks on a prisoner exchange had made real progress",
        ],
        background: &[
            "The border has been closed to freight traffic for weeks.",
            "Foreign ministers of the region meet twice a year.",
            "Observers from neutral countries monitor the ceasefire line.",
            "The defence budget was last raised three years ago.",
        ],
    },
];

/// Sentences any article may hold, without annotations.
pub(super) const FILLER: &[&str] = &[
    "The announcement came after weeks of speculation.",
    "Reactions in parliament were mixed.",
    "Officials declined to give further details.",
    "The figures have not been independently verified.",
    "Critics say the debate has become increasingly polarised.",
    "Newspapers across the country led with the story.",
    "Markets barely moved on the news.",
    "Regional leaders are expected to respond in the coming days.",
    "Similar disputes have been settled out of court in the past.",
    "Opinion polls suggest voters are divided on the issue.",
    "It was not immediately clear how the plan would be financed.",
    "The proposal still needs the approval of both chambers.",
];

/// The parts of made-up sentences of colour ("In the northern provinces, farmers remain
/// sceptical of the timetable."), so a long article need not repeat itself.
pub(super) const COLOUR: [&[&str]; 3] = [
    &[
        "In the capital",
        "In the northern provinces",
        "In coastal towns",
        "In parliament",
        "Across the region",
        "In the industrial south",
        "On social media",
        "In rural districts",
    ],
    &[
        "residents",
        "business owners",
        "local officials",
        "commuters",
        "farmers",
        "students",
        "pensioners",
        "community groups",
    ],
    &[
        "have voiced concern about the proposal",
        "have largely welcomed the changes",
        "remain sceptical of the timetable",
        "are divided over the cost of the plan",
        "have organised meetings on the new rules",
        "say they were not consulted",
        "have asked for more detail on the figures",
        "followed the debate closely",
    ],
];
