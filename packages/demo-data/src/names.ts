/**
 * Given and family names by heritage, so that a child's names usually belong
 * together and a county's register looks like Kent's: mostly White British, with
 * South Asian, Eastern European, African, Nepali, Middle Eastern and East Asian
 * families concentrated where they live in real life.
 */

export type Heritage =
  | 'BRITISH'
  | 'SOUTH_ASIAN'
  | 'EASTERN_EUROPEAN'
  | 'AFRICAN'
  | 'NEPALI'
  | 'MIDDLE_EASTERN'
  | 'EAST_ASIAN';

export interface NameSet {
  girls: readonly string[];
  boys: readonly string[];
  family: readonly string[];
}

/** Approximate shares of Kent's children, before local adjustments. */
export const HERITAGE_WEIGHTS: ReadonlyArray<readonly [Heritage, number]> = [
  ['BRITISH', 78],
  ['SOUTH_ASIAN', 4.5],
  ['EASTERN_EUROPEAN', 6],
  ['AFRICAN', 4.5],
  ['NEPALI', 1.5],
  ['MIDDLE_EASTERN', 3],
  ['EAST_ASIAN', 2.5],
];

export const NAMES: Readonly<Record<Heritage, NameSet>> = {
  BRITISH: {
    girls: [
      'Olivia', 'Amelia', 'Isla', 'Ava', 'Mia', 'Ivy', 'Lily', 'Isabella', 'Rosie', 'Sophia', 'Grace', 'Freya',
      'Willow', 'Florence', 'Emily', 'Ella', 'Poppy', 'Evie', 'Elsie', 'Charlotte', 'Evelyn', 'Sienna', 'Daisy',
      'Phoebe', 'Sophie', 'Harper', 'Millie', 'Ruby', 'Matilda', 'Alice', 'Jessica', 'Chloe', 'Erin', 'Maisie',
      'Holly', 'Lucy', 'Megan', 'Ellie', 'Scarlett', 'Esme', 'Imogen', 'Bonnie', 'Layla', 'Hallie', 'Harriet',
      'Lola', 'Molly', 'Eliza', 'Maya', 'Katie', 'Hannah', 'Georgia', 'Summer', 'Darcie', 'Niamh', 'Caitlin',
      'Orla', 'Amber', 'Aria', 'Thea', 'Violet', 'Nancy', 'Edith', 'Mabel', 'Beatrice', 'Tilly', 'Jasmine',
    ],
    boys: [
      'Oliver', 'George', 'Noah', 'Arthur', 'Leo', 'Harry', 'Oscar', 'Archie', 'Henry', 'Theodore', 'Freddie',
      'Jack', 'Charlie', 'Theo', 'Alfie', 'Jacob', 'Thomas', 'Finley', 'Arlo', 'William', 'Lucas', 'Roman',
      'Tommy', 'Isaac', 'Teddy', 'Alexander', 'Joshua', 'James', 'Max', 'Ethan', 'Reggie', 'Edward', 'Albert',
      'Jude', 'Ronnie', 'Sebastian', 'Harrison', 'Dylan', 'Elijah', 'Louie', 'Mason', 'Riley', 'Frankie', 'Toby',
      'Rory', 'Samuel', 'Daniel', 'Joseph', 'Benjamin', 'Jenson', 'Harley', 'Callum', 'Kian', 'Liam', 'Owen',
      'Ryan', 'Jamie', 'Lewis', 'Connor', 'Stanley', 'Hugo', 'Ezra', 'Jaxon', 'Bobby', 'Alfred', 'Ollie',
    ],
    family: [
      'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Robinson', 'Wright',
      'Thompson', 'Evans', 'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Wood', 'Jackson', 'Clarke', 'Harris',
      'Lewis', 'Martin', 'Cooper', 'King', 'Baker', 'Turner', 'Hill', 'Ward', 'Morris', 'Moore', 'Clark', 'Lee',
      'Watson', 'Edwards', 'Hughes', 'Allen', 'Young', 'Scott', 'Mitchell', 'Parker', 'Bennett', 'Carter',
      'Phillips', 'Cook', 'Bailey', 'Murphy', 'Kelly', 'Harrison', 'Collins', 'Marshall', 'Simpson', 'Ellis',
      'Price', 'Russell', 'Chapman', 'Mason', 'Webb', 'Rogers', 'Gray', 'Hunt', 'Holmes', 'Mills', 'Palmer',
      'Knight', 'Fox', 'Dixon', 'Barnes', 'Fisher', 'Pearce', 'Cox', 'Stevens', 'Hayes', 'Butler', 'Foster',
      'Gibson', 'Kemp', 'Ashdown', 'Pettit', 'Godden', 'Fagg', 'Hogben', 'Goldfinch', 'Pilcher', 'Sharp',
      'Austen', 'Coveney', 'Twyman', 'Fuller', 'Jarvis', 'Payne', 'Lambert', 'Newman', 'Howard', 'Reid',
      'McDonald', 'Campbell', 'Stewart', "O'Brien", "O'Connor", 'Doherty', 'Byrne', 'Quinn', 'Featherstone',
      'Beer', 'Amos', 'Hoad', 'Whiting',
    ],
  },
  SOUTH_ASIAN: {
    girls: [
      'Aisha', 'Amara', 'Zara', 'Anaya', 'Aaliyah', 'Fatima', 'Maryam', 'Hafsa', 'Inaya', 'Simran', 'Priya',
      'Aanya', 'Diya', 'Saanvi', 'Harleen', 'Jasleen', 'Navneet', 'Riya', 'Sana', 'Zainab', 'Khadija', 'Ayesha',
      'Noor', 'Myra', 'Kiran', 'Amrit', 'Ishaani', 'Meera', 'Tahmina', 'Nusrat',
    ],
    boys: [
      'Muhammad', 'Ayaan', 'Aryan', 'Arjun', 'Rayyan', 'Ibrahim', 'Yusuf', 'Zayn', 'Hamza', 'Ali', 'Omar',
      'Rohan', 'Vihaan', 'Aarav', 'Dev', 'Ishaan', 'Harjot', 'Gurpreet', 'Jaskaran', 'Sukhman', 'Rahul', 'Krish',
      'Kabir', 'Arham', 'Haris', 'Bilal', 'Adnan', 'Faisal', 'Tanvir', 'Rafi',
    ],
    family: [
      'Khan', 'Ahmed', 'Ali', 'Hussain', 'Patel', 'Singh', 'Shah', 'Iqbal', 'Rahman', 'Chowdhury', 'Akhtar',
      'Malik', 'Butt', 'Mahmood', 'Sharma', 'Gupta', 'Kumar', 'Mistry', 'Sandhu', 'Gill', 'Dhillon', 'Bains',
      'Sidhu', 'Johal', 'Islam', 'Uddin', 'Miah', 'Nair', 'Pillai', 'Reddy', 'Joshi', 'Desai', 'Mehta',
      'Chauhan', 'Bhatti', 'Atwal', 'Rehal',
    ],
  },
  EASTERN_EUROPEAN: {
    girls: [
      'Zuzanna', 'Julia', 'Maja', 'Zofia', 'Hanna', 'Lena', 'Oliwia', 'Natalia', 'Wiktoria', 'Alicja', 'Maria',
      'Ioana', 'Andreea', 'Elena', 'Gabriela', 'Ana', 'Daria', 'Emilija', 'Gabija', 'Ugnė', 'Kamila', 'Nikola',
      'Viktória', 'Simona', 'Teodora', 'Anastasia', 'Sofia', 'Milena', 'Weronika', 'Polina',
    ],
    boys: [
      'Jakub', 'Antoni', 'Jan', 'Szymon', 'Filip', 'Kacper', 'Aleksander', 'Franciszek', 'Mikołaj', 'Wojciech',
      'Andrei', 'Alexandru', 'David', 'Ștefan', 'Matei', 'Luca', 'Lukas', 'Matas', 'Dominykas', 'Nojus', 'Adam',
      'Marek', 'Tomáš', 'Martin', 'Ivan', 'Dmytro', 'Maksym', 'Nikolai', 'Kristian', 'Patryk',
    ],
    family: [
      'Nowak', 'Mazur', 'Krawczyk', 'Wójcik', 'Kowalczyk', 'Woźniak', 'Kaczmarek', 'Zając', 'Popescu',
      'Ionescu', 'Popa', 'Stan', 'Dumitru', 'Radu', 'Constantin', 'Gheorghe', 'Horváth', 'Kovač', 'Shevchenko',
      'Bondarenko', 'Kovalenko', 'Tkachenko', 'Melnyk', 'Marković', 'Petrović', 'Babić', 'Nagy', 'Kiss', 'Tóth',
      'Szabó', 'Balogh', 'Varga', 'Kazlauskas', 'Petrauskas',
    ],
  },
  AFRICAN: {
    girls: [
      'Amara', 'Chidinma', 'Adaeze', 'Ngozi', 'Folake', 'Temitope', 'Ayomide', 'Abena', 'Akosua', 'Efua', 'Ama',
      'Nana', 'Hodan', 'Fardowsa', 'Sagal', 'Nyasha', 'Tendai', 'Chiamaka', 'Ifeoma', 'Zainab', 'Blessing',
      'Precious', 'Favour', 'Esther', 'Deborah', 'Mercy', 'Tiwalola', 'Eniola', 'Adwoa', 'Rutendo',
    ],
    boys: [
      'Chukwuemeka', 'Oluwadamilare', 'Tobi', 'Tolu', 'Ayodele', 'Emeka', 'Chinedu', 'Kwame', 'Kofi', 'Kwabena',
      'Yaw', 'Kojo', 'Abdi', 'Mohamed', 'Abdirahman', 'Liban', 'Tinashe', 'Tatenda', 'Tafadzwa', 'Daniel',
      'David', 'Samuel', 'Emmanuel', 'Joshua', 'Elijah', 'Jeremiah', 'Ifeanyi', 'Obinna', 'Segun', 'Femi',
    ],
    family: [
      'Okafor', 'Okonkwo', 'Adeyemi', 'Adebayo', 'Olawale', 'Eze', 'Nwosu', 'Obi', 'Okeke', 'Mensah', 'Owusu',
      'Boateng', 'Asante', 'Osei', 'Appiah', 'Agyeman', 'Addo', 'Mohamed', 'Hassan', 'Abdullahi', 'Farah',
      'Warsame', 'Moyo', 'Ndlovu', 'Dube', 'Mutasa', 'Banda', 'Phiri', 'Kamara', 'Conteh', 'Sesay', 'Adjei',
    ],
  },
  NEPALI: {
    girls: [
      'Anisha', 'Sushma', 'Sabina', 'Rojina', 'Prakriti', 'Aastha', 'Srijana', 'Asmita', 'Sunita', 'Manisha',
      'Samjhana', 'Pooja', 'Aayusha', 'Bipana',
    ],
    boys: [
      'Aayush', 'Prabin', 'Sujan', 'Bibek', 'Sandesh', 'Roshan', 'Nabin', 'Suraj', 'Bishal', 'Kiran', 'Anish',
      'Saugat', 'Prajwal', 'Niraj',
    ],
    family: ['Gurung', 'Rai', 'Limbu', 'Thapa', 'Magar', 'Tamang', 'Shrestha', 'Pun', 'Ghale', 'Sherpa', 'Rana', 'Ale'],
  },
  MIDDLE_EASTERN: {
    girls: [
      'Elif', 'Zeynep', 'Ecem', 'Defne', 'Azra', 'Leyla', 'Roza', 'Hevi', 'Shilan', 'Yasmin', 'Mariam', 'Layan',
      'Lana', 'Sidra', 'Nour', 'Hana', 'Marwa', 'Parisa', 'Mahsa', 'Farah',
    ],
    boys: [
      'Yusuf', 'Emir', 'Mustafa', 'Kerem', 'Baran', 'Rezan', 'Karwan', 'Ahmad', 'Omar', 'Hassan', 'Kareem',
      'Sami', 'Ahmet', 'Mehmet', 'Amir', 'Reza', 'Omid', 'Sina', 'Zain', 'Adam',
    ],
    family: [
      'Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Aydın', 'Öztürk', 'Arslan', 'Doğan', 'Karimi', 'Ahmadi',
      'Hosseini', 'Rahimi', 'Mohammadi', 'Ahmadzai', 'Abdullah', 'Al-Hassan', 'Haddad', 'Saleh', 'Mansour',
      'Khalil', 'Qadir', 'Mahmoud',
    ],
  },
  EAST_ASIAN: {
    girls: [
      'Mei', 'Xin', 'Jia', 'Hui', 'Linh', 'Anh', 'Ngoc', 'Thu', 'Mai', 'Angel', 'Althea', 'Bea', 'Jasmine',
      'Chloe', 'Lian', 'Yuki', 'Hana', 'Min-ji', 'Seo-yeon', 'Kayla',
    ],
    boys: [
      'Jun', 'Hao', 'Wei', 'Zhen', 'Kai', 'Minh', 'Duc', 'Bao', 'Tuan', 'Khoa', 'Jericho', 'Miguel', 'Paolo',
      'Ethan', 'Ryan', 'Hiro', 'Kenji', 'Min-jun', 'Seo-jun', 'Jayden',
    ],
    family: [
      'Wang', 'Li', 'Zhang', 'Chen', 'Liu', 'Huang', 'Wong', 'Chan', 'Lam', 'Ng', 'Nguyen', 'Tran', 'Le', 'Pham',
      'Hoang', 'Santos', 'Reyes', 'Cruz', 'Bautista', 'Garcia', 'Kim', 'Park', 'Tanaka', 'Sato',
    ],
  },
};

/** Given names common among adults working with children now, so professionals do not sound like pupils. */
export const ADULT_BRITISH: NameSet = {
  girls: [
    'Sarah', 'Claire', 'Emma', 'Rachel', 'Helen', 'Louise', 'Nicola', 'Joanne', 'Kate', 'Laura', 'Rebecca',
    'Victoria', 'Amanda', 'Lisa', 'Julie', 'Karen', 'Gemma', 'Hayley', 'Natalie', 'Jennifer', 'Michelle',
    'Catherine', 'Anna', 'Zoe', 'Fiona', 'Kirsty', 'Samantha', 'Lindsey', 'Alison', 'Deborah',
  ],
  boys: [
    'David', 'Paul', 'Mark', 'Andrew', 'Richard', 'Simon', 'Steven', 'Matthew', 'Christopher', 'Peter', 'Ian',
    'Gareth', 'Neil', 'Darren', 'Stuart', 'Martin', 'Jonathan', 'Robert', 'Tom', 'Graham', 'Adam', 'Lee',
  ],
  family: NAMES.BRITISH.family,
};
