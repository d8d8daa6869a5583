// Reference tables of the synthetic scenario generator: the area it places
// teams and hotspots in, London's boroughs with their weights, place and
// person names. Data only; generator.cpp draws from them.
#pragma once

#include <array>
#include <string_view>

namespace lfr::generator_tables {

constexpr int kLatMin = 51350000; // micro-degrees
constexpr int kLatMax = 51650000;
constexpr int kLonMin = -450000;
constexpr int kLonMax = 200000;

struct Borough {
    std::string_view name;
    int lat; // micro-degrees, inside the box above
    int lon;
    int hotspotWeight; // footfall: central boroughs get more hotspots, worth more
};

// clang-format off
constexpr std::array<Borough, 33> kBoroughs = {{
    {"Barking and Dagenham", 51554000, 129000, 2},     {"Barnet", 51625000, -152000, 2},
    {"Bexley", 51455000, 150000, 1},                   {"Brent", 51559000, -282000, 3},
    {"Bromley", 51403000, 20000, 2},                   {"Camden", 51529000, -126000, 6},
    {"City of London", 51515000, -92000, 4},           {"Croydon", 51372000, -98000, 4},
    {"Ealing", 51513000, -309000, 3},                  {"Enfield", 51640000, -80000, 2},
    {"Greenwich", 51489000, 65000, 2},                 {"Hackney", 51545000, -55000, 4},
    {"Hammersmith and Fulham", 51493000, -224000, 3},  {"Haringey", 51591000, -111000, 3},
    {"Harrow", 51590000, -335000, 2},                  {"Havering", 51577000, 190000, 1},
    {"Hillingdon", 51535000, -440000, 2},              {"Hounslow", 51475000, -368000, 2},
    {"Islington", 51547000, -106000, 4},               {"Kensington and Chelsea", 51502000, -195000, 4},
    {"Kingston upon Thames", 51409000, -306000, 2},    {"Lambeth", 51457000, -123000, 5},
    {"Lewisham", 51445000, -21000, 3},                 {"Merton", 51410000, -211000, 2},
    {"Newham", 51526000, 35000, 4},                    {"Redbridge", 51559000, 74000, 2},
    {"Richmond upon Thames", 51448000, -326000, 1},    {"Southwark", 51473000, -73000, 5},
    {"Sutton", 51362000, -195000, 1},                  {"Tower Hamlets", 51515000, -30000, 5},
    {"Waltham Forest", 51591000, -13000, 2},           {"Wandsworth", 51457000, -191000, 3},
    {"Westminster", 51497000, -136000, 10},
}};
// clang-format on

constexpr std::array<std::string_view, 10> kPlaces = {
    "High Street",     "Station",     "Market", "Town Centre", "Broadway",
    "Shopping Centre", "Bus Station", "Parade", "Square",      "Junction",
};

constexpr std::array<std::string_view, 48> kFirstNames = {
    "Aisha",  "Adam",   "Amelia", "Ben",    "Chloe",   "Daniel", "Deborah",  "Emeka",   "Emily",  "Fatima",
    "George", "Grace",  "Hannah", "Harry",  "Imran",   "Isla",   "Jack",     "Jasmine", "Joseph", "Kemi",
    "Kwame",  "Laura",  "Liam",   "Lucy",   "Marcus",  "Maria",  "Mohammed", "Nadia",   "Nathan", "Niamh",
    "Oliver", "Olivia", "Priya",  "Rajesh", "Rebecca", "Rhys",   "Sam",      "Sarah",   "Sean",   "Simone",
    "Sophie", "Tariq",  "Thomas", "Tom",    "Wei",     "Yasmin", "Yusuf",    "Zara",
};

constexpr std::array<std::string_view, 48> kSurnames = {
    "Adeyemi", "Ahmed",  "Ali",       "Baker",  "Bennett", "Brown",    "Campbell", "Chen",    "Clarke",  "Davies",
    "Edwards", "Evans",  "Fernandes", "Green",  "Hall",    "Harris",   "Hughes",   "Hussain", "Jackson", "James",
    "Johnson", "Jones",  "Kaur",      "Khan",   "King",    "Kowalski", "Lewis",    "Martin",  "Mensah",  "Murphy",
    "Nowak",   "Okafor", "O'Brien",   "Owusu",  "Patel",   "Roberts",  "Robinson", "Shah",    "Singh",   "Smith",
    "Taylor",  "Thomas", "Thompson",  "Walker", "White",   "Williams", "Wilson",   "Wright",
};

} // namespace lfr::generator_tables
