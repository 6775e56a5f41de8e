package simulator

// Word lists the generator builds names and titles from. They are
// returned by functions so that nothing at package level can change.

func firstNames() []string {
	return []string{
		"Anna", "Ben", "Chloe", "David", "Emma", "Felix", "Grace", "Hugo", "Isla", "Jack",
		"Kira", "Liam", "Maya", "Noah", "Olivia", "Paul", "Quinn", "Rosa", "Sam", "Tara",
		"Uma", "Victor", "Wendy", "Xavier", "Yara", "Zoe", "Ahmed", "Bianca", "Carlos", "Daniela",
		"Elif", "Farah", "Giulia", "Hiroshi", "Ines", "Jonas", "Keiko", "Lars", "Mateo", "Nadia",
		"Oskar", "Priya", "Rafael", "Sofia", "Tomasz", "Ulla", "Valentina", "Wei", "Yusuf", "Zainab",
		"Aiden", "Beatriz", "Chen", "Dmitri", "Eva", "Fatima", "Gabriel", "Hana", "Ivan", "Julia",
		"Kofi", "Lucia", "Marco", "Nina", "Omar", "Pia", "Ravi", "Sara", "Thiago", "Ursula",
		"Vera", "William", "Ximena", "Yuki", "Zeynep", "Amelia", "Bruno", "Camila", "Diego", "Elena",
		"Finn", "Greta", "Henrik", "Ingrid", "Jamal", "Kai", "Leila", "Mila", "Nikolai", "Otto",
		"Paula", "Rohan", "Siobhan", "Theo", "Ana", "Bjorn", "Clara", "Emil", "Freya", "Leon",
	}
}

func lastNames() []string {
	return []string{
		"Smith", "Johnson", "Brown", "Garcia", "Miller", "Davis", "Martin", "Wilson", "Moore", "Taylor",
		"Anderson", "Thomas", "Jackson", "White", "Harris", "Clark", "Lewis", "Walker", "Young", "King",
		"Muller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Dubois", "Moreau",
		"Laurent", "Bernard", "Rossi", "Russo", "Ferrari", "Bianchi", "Romano", "Silva", "Santos", "Oliveira",
		"Souza", "Costa", "Pereira", "Novak", "Kowalski", "Nowak", "Wisniewski", "Jansen", "DeVries", "Bakker",
		"Visser", "Nilsson", "Larsson", "Andersen", "Hansen", "Johansson", "Virtanen", "Korhonen", "Murphy", "Kelly",
		"OBrien", "Tanaka", "Suzuki", "Sato", "Kim", "Lee", "Park", "Nguyen", "Tran", "Wang",
		"Li", "Zhang", "Patel", "Sharma", "Singh", "Yilmaz", "Kaya", "Cohen", "Levi", "Okafor",
	}
}

func adjectives() []string {
	return []string{
		"Silent", "Broken", "Golden", "Hidden", "Last", "Crimson", "Distant", "Frozen", "Burning", "Hollow",
		"Endless", "Silver", "Wild", "Quiet", "Dark", "Bright", "Lost", "Forgotten", "Electric", "Velvet",
		"Midnight", "Paper", "Iron", "Glass", "Northern", "Southern", "Secret", "Restless", "Gentle", "Savage",
		"Lonely", "Shattered", "Painted", "Wandering", "Falling", "Rising", "Sleeping", "Hungry", "Bitter", "Neon",
	}
}

func nouns() []string {
	return []string{
		"Harbor", "River", "Empire", "Garden", "Signal", "Mirror", "Horizon", "Frontier", "Kingdom", "Shadow",
		"Ocean", "Valley", "Station", "Lantern", "Compass", "Voyage", "Storm", "Engine", "Orchard", "Island",
		"Forest", "Bridge", "Desert", "Tower", "Echo", "Circuit", "Winter", "Summer", "Archive", "Machine",
		"Citadel", "Canyon", "Tide", "Comet", "Meadow", "Labyrinth", "Lighthouse", "Outpost", "Carnival", "Parade",
	}
}

func places() []string {
	return []string{
		"Avalon", "Blackwater", "Cedar Falls", "Dunmore", "Eastport", "Fairhaven", "Glenrock", "Highgate",
		"Ironwood", "Juniper Bay", "Kingsbridge", "Larkspur", "Maplewood", "Northgate", "Oakridge", "Pinecrest",
	}
}
