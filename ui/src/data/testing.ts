import type { Scenario_Serialize } from '../bindings';

/**
 * The small example term of the scenario format (shared/examples/tiny.json) as the back end
 * returns it from `term_scenario` (defaults written out), for the data screen's tests.
 */
export function tinyScenario(): Scenario_Serialize {
  return structuredClone(TINY);
}

const TINY: Scenario_Serialize = {
  "term": {
    "id": "HT2027-v45",
    "name": "Höstterminen 2027, period 2",
    "first_week": "2027-W45",
    "last_week": "2028-W03",
    "closed_weeks": [
      "2027-W52",
      "2028-W01"
    ]
  },
  "schools": [
    {
      "id": "ki",
      "name": "Karolinska Institutet",
      "level": "university"
    },
    {
      "id": "ecu",
      "name": "EC Utbildning",
      "level": "higher_vocational"
    },
    {
      "id": "praktiska",
      "name": "Praktiska Gymnasiet Stockholm",
      "level": "upper_secondary"
    }
  ],
  "programmes": [
    {
      "id": "ki-nurse",
      "school": "ki",
      "name": "Sjuksköterskeprogrammet",
      "profession": "nurse",
      "trained_supervisor_required": true,
      "max_students_per_supervisor": 2
    },
    {
      "id": "ki-med",
      "school": "ki",
      "name": "Läkarprogrammet",
      "profession": "physician",
      "trained_supervisor_required": true,
      "max_students_per_supervisor": 1
    },
    {
      "id": "ecu-medsek",
      "school": "ecu",
      "name": "Medicinsk sekreterare",
      "profession": "medical_secretary",
      "trained_supervisor_required": false,
      "max_students_per_supervisor": 1
    },
    {
      "id": "praktiska-vo",
      "school": "praktiska",
      "name": "Vård- och omsorgsprogrammet",
      "profession": "assistant_nurse",
      "trained_supervisor_required": false,
      "max_students_per_supervisor": 2
    }
  ],
  "providers": [
    {
      "id": "ks",
      "name": "Karolinska Universitetssjukhuset",
      "ownership": "public",
      "remit": [
        {
          "programme": "ki-nurse",
          "min_student_weeks": 20,
          "max_student_weeks": 40
        },
        {
          "programme": "ki-med",
          "min_student_weeks": 16
        }
      ]
    },
    {
      "id": "capio",
      "name": "Capio S:t Görans sjukhus",
      "ownership": "private",
      "remit": [
        {
          "programme": "ki-nurse",
          "min_student_weeks": 0,
          "max_student_weeks": 8
        },
        {
          "programme": "praktiska-vo",
          "min_student_weeks": 10,
          "max_student_weeks": 12
        }
      ]
    }
  ],
  "units": [
    {
      "id": "ks-avd12",
      "provider": "ks",
      "name": "Avdelning 12 Solna, internmedicin",
      "areas": [
        "internal_medicine"
      ],
      "levels": [
        "university",
        "upper_secondary"
      ],
      "accepts_minors": false,
      "location": {
        "lat": 59.3503,
        "lon": 18.03
      },
      "requirements": [],
      "capacity": [
        {
          "profession": "nurse",
          "places": 1
        },
        {
          "profession": "nurse",
          "from": "2027-W48",
          "to": "2027-W51",
          "places": 1
        },
        {
          "profession": "assistant_nurse",
          "places": 1
        }
      ],
      "supervisors": [
        {
          "id": "ks-avd12-h1",
          "profession": "nurse",
          "trained": true,
          "max_students": 2
        },
        {
          "id": "ks-avd12-h2",
          "profession": "nurse",
          "trained": false,
          "max_students": 1
        },
        {
          "id": "ks-avd12-h3",
          "profession": "assistant_nurse",
          "trained": false,
          "max_students": 2
        }
      ]
    },
    {
      "id": "ks-kua",
      "provider": "ks",
      "name": "KUA Huddinge – klinisk utbildningsavdelning",
      "areas": [
        "internal_medicine"
      ],
      "levels": [
        "university"
      ],
      "accepts_minors": false,
      "location": {
        "lat": 59.2215,
        "lon": 17.938
      },
      "requirements": [],
      "capacity": [
        {
          "profession": "nurse",
          "places": 2
        },
        {
          "profession": "physician",
          "places": 1
        }
      ],
      "supervisors": [
        {
          "id": "ks-kua-h1",
          "profession": "nurse",
          "trained": true,
          "max_students": 2
        },
        {
          "id": "ks-kua-h2",
          "profession": "physician",
          "trained": true,
          "max_students": 1
        }
      ],
      "ipl": {
        "team": {
          "nurse": 2,
          "physician": 1
        },
        "weeks": 2,
        "starts": [
          "2027-W46",
          "2027-W49"
        ],
        "max_teams": 1
      }
    },
    {
      "id": "ks-akut",
      "provider": "ks",
      "name": "Akutmottagningen Solna",
      "areas": [
        "emergency",
        "internal_medicine"
      ],
      "levels": [
        "university",
        "higher_vocational"
      ],
      "accepts_minors": false,
      "location": {
        "lat": 59.3495,
        "lon": 18.0335
      },
      "requirements": [
        "jobsh"
      ],
      "capacity": [
        {
          "profession": "physician",
          "places": 2
        },
        {
          "profession": "medical_secretary",
          "places": 1
        }
      ],
      "supervisors": [
        {
          "id": "ks-akut-h1",
          "profession": "physician",
          "trained": true,
          "max_students": 2
        },
        {
          "id": "ks-akut-h2",
          "profession": "physician",
          "trained": true,
          "max_students": 1,
          "from": "2027-W49"
        },
        {
          "id": "ks-akut-h3",
          "profession": "medical_secretary",
          "trained": false,
          "max_students": 1
        }
      ]
    },
    {
      "id": "capio-kir",
      "provider": "capio",
      "name": "Kirurgavdelning 5",
      "areas": [
        "surgery",
        "internal_medicine"
      ],
      "levels": [
        "university",
        "upper_secondary"
      ],
      "accepts_minors": true,
      "location": {
        "lat": 59.3373,
        "lon": 18.019
      },
      "requirements": [
        "jobsh",
        "mrsa_screening"
      ],
      "capacity": [
        {
          "profession": "nurse",
          "places": 1
        },
        {
          "profession": "assistant_nurse",
          "places": 2
        }
      ],
      "supervisors": [
        {
          "id": "capio-kir-h1",
          "profession": "nurse",
          "trained": true,
          "max_students": 1
        },
        {
          "id": "capio-kir-h2",
          "profession": "assistant_nurse",
          "trained": false,
          "max_students": 2
        }
      ]
    },
    {
      "id": "capio-mott",
      "provider": "capio",
      "name": "Medicinmottagningen",
      "areas": [
        "internal_medicine"
      ],
      "levels": [
        "higher_vocational"
      ],
      "accepts_minors": false,
      "requirements": [],
      "capacity": [
        {
          "profession": "medical_secretary",
          "to": "2027-W50",
          "places": 1
        }
      ],
      "supervisors": [
        {
          "id": "capio-mott-h1",
          "profession": "medical_secretary",
          "trained": true,
          "max_students": 1
        }
      ]
    }
  ],
  "students": [
    {
      "id": "st-01",
      "name": "Alva Lindqvist",
      "personal_id": "200105052385",
      "programme": "ki-nurse",
      "minor": false,
      "home": {
        "lat": 59.36,
        "lon": 18.0
      },
      "excluded_units": [],
      "clearances": [
        "jobsh",
        "mrsa_screening"
      ],
      "needs": [
        {
          "id": "st-01-1",
          "area": "internal_medicine",
          "weeks": 4,
          "earliest": "2027-W45",
          "latest": "2027-W51",
          "ipl": false,
          "priority": 1,
          "preferences": [
            "ks-avd12"
          ]
        },
        {
          "id": "st-01-2",
          "area": "internal_medicine",
          "weeks": 2,
          "earliest": "2027-W46",
          "latest": "2027-W50",
          "ipl": true,
          "priority": 2,
          "preferences": []
        }
      ]
    },
    {
      "id": "st-02",
      "name": "Hugo Berg",
      "personal_id": "199908174122",
      "programme": "ki-nurse",
      "minor": false,
      "home": {
        "lat": 59.237,
        "lon": 17.982
      },
      "excluded_units": [],
      "clearances": [
        "jobsh",
        "mrsa_screening"
      ],
      "needs": [
        {
          "id": "st-02-1",
          "area": "internal_medicine",
          "weeks": 2,
          "earliest": "2027-W45",
          "latest": "2027-W51",
          "ipl": true,
          "priority": 2,
          "preferences": []
        }
      ]
    },
    {
      "id": "st-03",
      "name": "Amira Hassan",
      "personal_id": "200001305762",
      "programme": "ki-nurse",
      "minor": false,
      "home": {
        "lat": 59.315,
        "lon": 18.07
      },
      "excluded_units": [],
      "clearances": [
        "jobsh",
        "mrsa_screening"
      ],
      "needs": [
        {
          "id": "st-03-1",
          "area": "internal_medicine",
          "weeks": 2,
          "earliest": "2027-W48",
          "latest": "2027-W51",
          "ipl": true,
          "priority": 1,
          "preferences": [
            "ks-kua"
          ]
        }
      ]
    },
    {
      "id": "st-04",
      "name": "Nils Ek",
      "personal_id": "199803112912",
      "programme": "ki-med",
      "minor": false,
      "home": {
        "lat": 59.361,
        "lon": 17.972
      },
      "excluded_units": [],
      "clearances": [
        "jobsh",
        "mrsa_screening"
      ],
      "needs": [
        {
          "id": "st-04-1",
          "area": "internal_medicine",
          "weeks": 2,
          "earliest": "2027-W45",
          "latest": "2027-W48",
          "ipl": true,
          "priority": 2,
          "preferences": []
        },
        {
          "id": "st-04-2",
          "area": "emergency",
          "weeks": 4,
          "earliest": "2027-W49",
          "latest": "2028-W03",
          "ipl": false,
          "priority": 2,
          "preferences": [
            "ks-akut"
          ]
        }
      ]
    },
    {
      "id": "st-05",
      "name": "Selma Åberg",
      "personal_id": "199706221588",
      "programme": "ki-med",
      "minor": false,
      "home": {
        "lat": 59.444,
        "lon": 18.069
      },
      "excluded_units": [],
      "clearances": [
        "jobsh",
        "mrsa_screening"
      ],
      "needs": [
        {
          "id": "st-05-1",
          "area": "emergency",
          "weeks": 5,
          "earliest": "2027-W45",
          "latest": "2027-W51",
          "ipl": false,
          "priority": 1,
          "preferences": []
        }
      ]
    },
    {
      "id": "st-06",
      "name": "Omar Ali",
      "personal_id": "199609093332",
      "programme": "ki-med",
      "minor": false,
      "home": {
        "lat": 59.403,
        "lon": 17.944
      },
      "excluded_units": [],
      "clearances": [
        "jobsh",
        "mrsa_screening"
      ],
      "needs": [
        {
          "id": "st-06-1",
          "area": "internal_medicine",
          "weeks": 3,
          "earliest": "2027-W45",
          "latest": "2027-W51",
          "ipl": false,
          "priority": 1,
          "preferences": [
            "capio-kir"
          ]
        }
      ]
    },
    {
      "id": "st-07",
      "name": "Elsa Holm",
      "personal_id": "198511278643",
      "programme": "ecu-medsek",
      "minor": false,
      "home": {
        "lat": 59.316,
        "lon": 18.072
      },
      "excluded_units": [],
      "clearances": [
        "jobsh",
        "mrsa_screening"
      ],
      "needs": [
        {
          "id": "st-07-1",
          "area": "internal_medicine",
          "weeks": 4,
          "ipl": false,
          "priority": 1,
          "preferences": [
            "capio-mott",
            "ks-akut"
          ]
        }
      ]
    },
    {
      "id": "st-08",
      "name": "Leo Nyström",
      "personal_id": "201003141171",
      "programme": "praktiska-vo",
      "minor": true,
      "home": {
        "lat": 59.34,
        "lon": 17.94
      },
      "excluded_units": [],
      "clearances": [
        "jobsh",
        "mrsa_screening"
      ],
      "needs": [
        {
          "id": "st-08-1",
          "area": "surgery",
          "weeks": 3,
          "earliest": "2027-W45",
          "latest": "2027-W51",
          "ipl": false,
          "priority": 1,
          "preferences": []
        }
      ]
    },
    {
      "id": "st-09",
      "name": "Saga Wallin",
      "personal_id": "200804022457",
      "programme": "praktiska-vo",
      "minor": false,
      "home": {
        "lat": 59.333,
        "lon": 18.02
      },
      "excluded_units": [
        "capio-kir"
      ],
      "clearances": [
        "jobsh",
        "mrsa_screening"
      ],
      "needs": [
        {
          "id": "st-09-1",
          "area": "internal_medicine",
          "weeks": 3,
          "earliest": "2027-W45",
          "latest": "2027-W51",
          "ipl": false,
          "priority": 1,
          "preferences": [
            "ks-avd12"
          ]
        }
      ]
    },
    {
      "id": "st-10",
      "name": "Karl Lund",
      "personal_id": "200207185224",
      "programme": "ki-nurse",
      "minor": false,
      "excluded_units": [],
      "clearances": [
        "jobsh"
      ],
      "needs": [
        {
          "id": "st-10-1",
          "area": "surgery",
          "weeks": 5,
          "ipl": false,
          "priority": 1,
          "preferences": [
            "capio-kir"
          ]
        }
      ]
    },
    {
      "id": "st-11",
      "name": "Maja Eriksson",
      "personal_id": "200112016894",
      "programme": "ki-nurse",
      "minor": false,
      "home": {
        "lat": 59.345,
        "lon": 18.05
      },
      "excluded_units": [],
      "clearances": [
        "jobsh",
        "mrsa_screening"
      ],
      "needs": [
        {
          "id": "st-11-1",
          "area": "internal_medicine",
          "weeks": 5,
          "earliest": "2027-W45",
          "latest": "2027-W51",
          "ipl": false,
          "priority": 1,
          "preferences": [
            "capio-kir",
            "ks-avd12"
          ]
        }
      ]
    },
    {
      "id": "st-12",
      "name": "Ali Mohammed",
      "personal_id": "201009213305",
      "programme": "praktiska-vo",
      "minor": true,
      "home": {
        "lat": 59.3,
        "lon": 17.98
      },
      "excluded_units": [],
      "clearances": [
        "jobsh",
        "mrsa_screening"
      ],
      "needs": [
        {
          "id": "st-12-1",
          "area": "internal_medicine",
          "weeks": 3,
          "earliest": "2027-W45",
          "latest": "2028-W02",
          "ipl": false,
          "priority": 1,
          "preferences": []
        }
      ]
    }
  ],
  "locked": [
    {
      "need": "st-07-1",
      "unit": "ks-akut",
      "supervisor": "ks-akut-h3",
      "start": "2027-W47"
    }
  ],
  "weights": {
    "unplaced": 10000,
    "remit_shortfall_per_week": 100,
    "preference_rank": 10,
    "unpreferred": 50,
    "travel_per_km": 1
  }
};
