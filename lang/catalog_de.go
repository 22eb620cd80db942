package lang

// german maps each English format string to its German translation.
// Verbs (%d, %s, %q, %.1f …) keep their order; numbers are formatted by
// the printer (1.234,5). Keep the entries sorted by key, one to a
// paragraph: gofmt then aligns nothing, and entries added on several
// branches merge cleanly (TestCatalogSorted). Years go in as strings
// (%s with strconv.Itoa), or the printer writes 2.024.
var german = map[string]string{
	"      %s: %s of %s GB read (%d %%)": "      %s: %s von %s GB gelesen (%d %%)",

	"  coordinate reference system: %s": "  Koordinatenbezugssystem: %s",

	"  error: %s": "  Fehler: %s",

	"  features: %d, planning areas: %d": "  Objekte: %d, Planungsräume: %d",

	"  neighbours: %s": "  Nachbarn: %s",

	"  no neighbours: %s (%s)": "  ohne Nachbarn: %s (%s)",

	"  note: %s": "  Hinweis: %s",

	"  part %d: %d areas, including %s": "  Teil %d: %d Planungsräume, darunter %s",

	"  warning: %s": "  Warnung: %s",

	" %d planning areas without a value (confidential or missing).": " %d Planungsräume ohne Wert (geheim oder fehlend).",

	" (FDR)": " (FDR)",

	" (bounds from all years)": " (Grenzen aus allen Jahren)",

	" (coverage %s %%)": " (Abdeckung %s %%)",

	" (coverage below 100 %%)": " (Abdeckung unter 100 %%)",

	" (estimated)": " (geschätzt)",

	" (plausible %s)": " (plausibel %s)",

	" (years %s from the file names)": " (Jahre %s aus den Dateinamen)",

	" Planning areas not published, the survey's estimate not being reliable enough (/): %d.": " Nicht veröffentlichte Planungsräume, da der Schätzwert der Befragung nicht sicher genug ist (/): %d.",

	" The city: %s%s.": " Die Stadt: %s%s.",

	" Values in parentheses: limited reliability (a coefficient of variation above the plan's limit).": " Werte in Klammern: eingeschränkter Aussagewert (ein Variationskoeffizient über der Grenze des Plans).",

	" and %d more": " und %d weitere",

	" in %%": " in %%",

	" in percentage points": " in Prozentpunkten",

	" · %d areas estimated": " · %d Gebiete geschätzt",

	" · smoothed (global empirical Bayes)": " · geglättet (globales Empirical Bayes)",

	" · smoothed (local empirical Bayes)": " · geglättet (lokales Empirical Bayes)",

	" – dynamics": " – Dynamik",

	"%d area(s) from %s": "%d Gebiet(e) ab %s",

	"%d classes instead of %d (only %d distinct values)": "%d Klassen statt %d (nur %d verschiedene Werte)",

	"%d classes instead of %d (too few distinct values)": "%d Klassen statt %d (zu wenige verschiedene Werte)",

	"%d current areas; lines: the %d areas until %d": "%d heutige Gebiete; Linien: die %d Gebiete bis %d",

	"%d files written to %s": "%d Dateien geschrieben nach %s",

	"%d nearest neighbours (label points)": "%d nächste Nachbarn (Beschriftungspunkte)",

	"%d of %d current planning areas are unions of whole older areas; the values of the other %d before %d are estimated.": "%d von %d heutigen Planungsräumen sind Vereinigungen ganzer älterer Gebiete; die Werte der übrigen %d vor %d sind geschätzt.",

	"%d part(s) or hole(s) without area (removed)": "%d Teil(e) oder Loch/Löcher ohne Fläche (entfernt)",

	"%d planning areas form a cluster of high values among high neighbours: %s; %d a cluster of low values.": "%d Planungsräume bilden einen Schwerpunkt hoher Werte mit hohen Nachbarwerten: %s; %d einen Schwerpunkt niedriger Werte.",

	"%d planning areas, %d indicators, years %s–%s; maps of %s. All values computed from the input files below with planatlas %s.": "%d Planungsräume, %d Indikatoren, Jahre %s–%s; Kartenjahr %s. Alle Werte aus den Eingabedateien unten berechnet mit planatlas %s.",

	"%d point(s) lie outside every planning area and are not counted: %s": "%d Punkt(e) liegen außerhalb aller Planungsräume und werden nicht gezählt: %s",

	"%d point(s) lie outside every planning area and are not counted: %s and %d more": "%d Punkt(e) liegen außerhalb aller Planungsräume und werden nicht gezählt: %s und %d weitere",

	"%d repeated vertices (removed)": "%d wiederholte Stützpunkte (entfernt)",

	"%s (no neighbour with a value)": "%s (kein Nachbar mit Wert)",

	"%s (no value)": "%s (kein Wert)",

	"%s and %d more": "%s und %d weitere",

	"%s has no data for %s; its variables are missing in that year": "%s hat keine Daten für %s; seine Variablen fehlen in diesem Jahr",

	"%s has no data for %s; its variables are missing in those years": "%s hat keine Daten für %s; seine Variablen fehlen in diesen Jahren",

	"%s has the highest value, %s; %s the lowest, %s.": "%s hat den höchsten Wert, %s; %s den niedrigsten, %s.",

	"%s lies in the district %s.": "%s liegt im Stadtteil %s.",

	"%s, style %s: %d areas, %d links, %.2f neighbours on average, %d island(s), %d component(s)": "%s, Stil %s: %d Gebiete, %d Verbindungen, durchschnittlich %.2f Nachbarn, %d Insel(n), %d Teil(e)",

	"%s: %d area(s), %s": "%s: %d Planungsraum/-räume, %s",

	"%s: %s %% of the residents are under 18 (city %s %%), %s %% aged 65 and over (city %s %%).": "%s: %s %% der Einwohner sind unter 18 (Stadt %s %%), %s %% 65 und älter (Stadt %s %%).",

	"%s: %s residents in %d, %s projected for %d.": "%s: %s Einwohner %d, %s vorausberechnet für %d.",

	"%s: feature %s": "%s: Objekt %s",

	"%s: ok (%s, %s, %s, %s)": "%s: in Ordnung (%s, %s, %s, %s)",

	"%s: row %s": "%s: Zeile %s",

	"%s; and %d more variables (the catalog names each indicator's variables: planatlas indicators)": "%s; und %d weitere Variablen (der Katalog nennt die Variablen jedes Indikators)",

	"%v; repaired by GEOS MakeValid's rules into %s polygon(s): area %s m² before, %s m² after": "%v; nach den Regeln von GEOS MakeValid zu %s Polygon(en) repariert: Fläche vorher %s m², nachher %s m²",

	", %.2f km²": ", %.2f km²",

	", measured in %s": ", gemessen in %s",

	"80th percentile of APE (%%)": "80. Perzentil des APE (%%)",

	"95 %% interval": "95-%%-Intervall",

	"; %d slivers along borders that the layers drew apart (%.0f m²) were left out": "; %d schmale Streifen entlang von Grenzen, die die Ebenen verschieden zeichnen (%.0f m²), blieben unberücksichtigt",

	"; dashed vertical line: new planning areas from %d": "; gestrichelte senkrechte Linie: neue Planungsräume ab %d",

	"; dashed vertical line: new planning areas from %d; dashed red line: estimated": "; gestrichelte senkrechte Linie: neue Planungsräume ab %d; gestrichelte rote Linie: geschätzt",

	"; in %d, %.1f %% of the residents (%s) lived in estimated areas": "; %d wohnten %.1f %% der Einwohner (%s) in geschätzten Gebieten",

	"; in an older layer one of the features may carry a wrong key instead: give it the right one (corrections: [{feature: %d, key: %q, to: …}])": "; in einer älteren Ebene kann auch eines der Objekte einen falschen Schlüssel tragen: geben Sie ihm den richtigen (corrections: [{feature: %d, key: %q, to: …}])",

	"; the plan's years (years: %s) leave out %s": "; die Jahre des Plans (years: %s) lassen %s weg",

	"; thin dashed line: new planning areas from %d": "; dünn gestrichelt: neue Planungsräume ab %d",

	"; thin dashed line: new planning areas from %d; red dashed: estimated": "; dünn gestrichelt: neue Planungsräume ab %d; rot gestrichelt: geschätzt",

	"Age structure of %s %s": "Altersaufbau %s %s",

	"Age structure of the city %s, projected (line: %s)": "Altersaufbau der Stadt %s, vorausberechnet (Linie: %s)",

	"Change": "Veränderung",

	"Children aged 3 to 5 (Kita)": "Kinder von 3 bis 5 Jahren (Kita)",

	"Children aged 6 to 9 (primary school)": "Kinder von 6 bis 9 Jahren (Grundschule)",

	"Clusters: ": "Cluster: ",

	"Data": "Daten",

	"Data and sources": "Daten und Quellen",

	"Development %s–%s (red: %s, blue: city)": "Entwicklung %s–%s (rot: %s, blau: Stadt)",

	"Development %s–%s (red: %s, grey dashed: %s, blue: city)": "Entwicklung %s–%s (rot: %s, grau gestrichelt: %s, blau: Stadt)",

	"Development %s–%s; grey: city": "Entwicklung %s–%s; grau: Stadt",

	"Development: ": "Entwicklung: ",

	"Drivers: ": "Treiber: ",

	"Further indicators": "Weitere Indikatoren",

	"Gi*": "Gi*",

	"Goals": "Ziele",

	"In %s, %s %% of the residents would be 80 or older (%s: %s %%), %s %% under 10 (%s: %s %%).": "%s wären %s %% der Einwohner 80 oder älter (%s: %s %%), %s %% unter 10 (%s: %s %%).",

	"Index value (mean of weighted z-scores)": "Indexwert (Mittel gewichteter z-Werte)",

	"Index value (sum of weighted z-scores)": "Indexwert (Summe gewichteter z-Werte)",

	"Key indicators %s against the city": "Kennzahlen %s gegenüber der Stadt",

	"Key indicators %s against the units the area lies in and the city": "Kennzahlen %s gegenüber den übergeordneten Gebieten und der Stadt",

	"Location in the city": "Lage in der Stadt",

	"MALPE (%%)": "MALPE (%%)",

	"MAPE (%%)": "MAPE (%%)",

	"MAPE, base year held (%%)": "MAPE, Basisjahr festgehalten (%%)",

	"MAPE, linear trend (%%)": "MAPE, linearer Trend (%%)",

	"Map: ": "Karte: ",

	"Moran scatterplot": "Moran-Streudiagramm",

	"Moran scatterplot: ": "Moran-Streudiagramm: ",

	"Moran's I = %s (permutation p %s, %d planning areas): %s.": "Moran's I = %s (Permutations-p %s, %d Planungsräume): %s.",

	"Notes of the run": "Hinweise der Berechnung",

	"Over %d planning areas, %s and %s correlate with r = %s; per unit of %s, %s rises by %s.": "Über %d Planungsräume hängen %s und %s mit r = %s zusammen; je Einheit %s steigt %s um %s.",

	"Planning areas": "Planungsräume",

	"Planning areas until %d and from %d": "Planungsräume bis %d und ab %d",

	"Projected change %d–%d, in %%": "Vorausberechnete Veränderung %d–%d, in %%",

	"Projection %d–%d by age group": "Vorausberechnung %d–%d nach Altersgruppen",

	"Projection %d–%d, index %d = 100; grey: city": "Vorausberechnung %d–%d, Index %d = 100; grau: Stadt",

	"Projection: ": "Vorausberechnung: ",

	"Rank 1 = most need; plausible ranks from 1000 draws (90 %%).": "Rang 1 = höchster Bedarf; plausible Ränge aus 1000 Ziehungen (90 %%).",

	"Ranking of planning areas": "Rangfolge der Planungsräume",

	"Ranking: ": "Rangfolge: ",

	"Residents aged %s": "Einwohner im Alter %s",

	"Residents aged 80 and over": "Einwohner ab 80 Jahren",

	"Scatter: ": "Streudiagramm: ",

	"Social area analysis": "Sozialraumanalyse",

	"Spatial clusters": "Räumliche Cluster",

	"The last five years' trend projected to the target year.": "Trend der letzten fünf Jahre bis zum Zieljahr fortgeschrieben.",

	"The table shows the first %d of %d rows; all are in the output folder's tables.": "Die Tabelle zeigt die ersten %d von %d Zeilen; alle stehen in den Tabellen des Ausgabeordners.",

	"The theme's indicators in %s: the city's value, the lowest and the highest planning area.": "Die Indikatoren des Themas im Jahr %s: der Wert der Stadt, der niedrigste und der höchste Planungsraum.",

	"a gap of %s m² near %s between the areas %s": "eine Lücke von %s m² bei %s zwischen den Gebieten %s",

	"absolute": "absolut",

	"age": "Alter",

	"area %q in %d": "Gebiet %q in %d",

	"areas": "Planungsräume",

	"areas %q (feature %s) and %q (feature %s) overlap by %s m²": "die Gebiete %q (Objekt %s) und %q (Objekt %s) überlappen sich um %s m²",

	"areas: %d of %d areas have no %s, so no district values are computed": "Gebiete: %d von %d Gebieten haben kein %s, daher werden keine Bezirkswerte berechnet",

	"both": "beide",

	"bound included": "eingeschlossene Grenze",

	"by area share (weighting: area)": "nach Flächenanteil (weighting: area)",

	"by area share: the input has no year on the current areas to weight with": "nach Flächenanteil: die Eingabe hat kein Jahr auf den heutigen Gebieten, mit dem sich gewichten ließe",

	"bytes": "Bytes",

	"catalog: %d indicator(s) not computed, the plan defines no variable for them: %s": "Katalog: %d Indikator(en) nicht berechnet, der Plan definiert keine Variable für sie: %s",

	"catalog: all: %d indicator(s) left out because the data cannot support them: %s": "Katalog: all: %d Indikator(en) weggelassen, weil die Daten sie nicht tragen: %s",

	"change": "Veränderung",

	"change from": "Veränderung ab",

	"change in %%": "Veränderung in %%",

	"city": "Stadt",

	"city ": "Stadt ",

	"class": "Klasse",

	"classification": "Klassifikation",

	"cluster": "Cluster",

	"coefficient of variation (%%)": "Variationskoeffizient (%%)",

	"colour": "Farbe",

	"component %d: eigenvalue %.3f, %.1f %% of the variance": "Komponente %d: Eigenwert %.3f, %.1f %% der Varianz",

	"coordinates of %s are shifted from DHDN to ETRS89 (WGS 84) by the AdV's BETA2007 grid, as PROJ does": "Koordinaten in %s werden mit dem BETA2007-Gitter der AdV von DHDN nach ETRS89 (WGS 84) verschoben, wie PROJ es tut",

	"coordinates of %s are shifted to WGS 84 by EPSG:%d (%s), accurate to %g m as EPSG states": "Koordinaten in %s werden mit EPSG:%d (%s) nach WGS 84 verschoben, laut EPSG auf %g m genau",

	"coordinates of %s are shifted to WGS 84 by the Helmert parameters the definition gives": "Koordinaten in %s werden mit den Helmert-Parametern der Definition nach WGS 84 verschoben",

	"coordinates of %s are shifted to WGS 84 by the grid file %s": "Koordinaten in %s werden mit der Gitterdatei %s nach WGS 84 verschoben",

	"design effect": "Designeffekt",

	"disclosure control is off (disclosure: threshold: %d): counts of 1 and 2 are published; check the tables before publishing them": "Geheimhaltung ausgeschaltet (disclosure: threshold: %d): Fallzahlen von 1 und 2 werden veröffentlicht; Tabellen vor der Veröffentlichung prüfen",

	"disclosure control is weakened (disclosure: threshold: %d): counts of %d and more are published; the usual threshold is 3": "Geheimhaltung abgeschwächt (disclosure: threshold: %d): Fallzahlen ab %d werden veröffentlicht; üblich ist 3",

	"disclosure control: %d counts below %d hidden (.), and %d further cells so that none can be recomputed from totals": "Geheimhaltung: %d Fallzahlen unter %d verborgen (.), dazu %d weitere Zellen, damit keine aus Summen zurückgerechnet werden kann",

	"distance band %g m (label points)": "Nachbarn bis %g m (Beschriftungspunkte)",

	"drivers": "Treiber",

	"dynamic index (official classes)": "Dynamikindex (amtliche Klassen)",

	"effective sample size": "effektive Fallzahl",

	"estimate": "Schätzwert",

	"estimated": "geschätzt",

	"exact": "genau",

	"falling": "fallend",

	"feature %d (key %q) was not a valid polygon and is repaired by GEOS MakeValid's rules into %d polygon(s): area %s m² before, %s m² after": "Objekt %d (Schlüssel %q) war kein gültiges Polygon und ist nach den Regeln von GEOS MakeValid zu %d Polygon(en) repariert: Fläche vorher %s m², nachher %s m²",

	"feature %s (key %q): ": "Objekt %s (Schlüssel %q): ",

	"feature %s: ": "Objekt %s: ",

	"figure": "Abbildung",

	"figures checked": "Abbildungen geprüft",

	"file": "Datei",

	"files that appeared in the output folder during the run were kept in %s": "Dateien, die während des Laufs im Ausgabeordner entstanden, wurden in %s aufbewahrt",

	"for %q %s": "für %q %s",

	"geometries joined": "Geometrien verknüpft",

	"grid cells": "Rasterzellen",

	"high – high": "hoch – hoch",

	"high – low": "hoch – niedrig",

	"high: below −1": "hoch: unter −1",

	"highest area": "höchster Raum",

	"in ": "in ",

	"in proportion to %q of the %d %s of input %q of %d, by the piece of the overlay each lies in": "im Verhältnis von %q der %d %s der Eingabe %q von %d, nach dem Teilstück der Überlagerung, in dem sie jeweils liegen",

	"in proportion to the %d %s of input %q of %d, by the piece of the overlay each lies in": "im Verhältnis der %d %s der Eingabe %q von %d, nach dem Teilstück der Überlagerung, in dem sie jeweils liegen",

	"in proportion to the same column in %d on the current areas (target density)": "im Verhältnis derselben Spalte %d auf den heutigen Gebieten (Zieldichte)",

	"index %s (MSS) %s: %d valid areas; status classes high %d, medium %d, low %d, very low %d; dynamic classes positive %d, stable %d, negative %d": "Index %s (MSS) %s: %d gültige Gebiete; Statusklassen hoch %d, mittel %d, niedrig %d, sehr niedrig %d; Dynamikklassen positiv %d, stabil %d, negativ %d",

	"index %s (PCA): %d component(s) kept: %s": "Index %s (PCA): %d Komponente(n) behalten: %s",

	"index %s: %d area(s) left out (below the validity threshold or with a missing indicator): %s": "Index %s: %d Gebiet(e) ausgelassen (unter der Gültigkeitsschwelle oder mit fehlendem Indikator): %s",

	"index %s: %d area(s) without a value in %s (a component is missing): %s": "Index %s: %d Gebiet(e) ohne Wert im Jahr %s (eine Komponente fehlt): %s",

	"index %s: indicator %s has the same value in every area in %s and does not count": "Index %s: Indikator %s hat im Jahr %s in jedem Gebiet denselben Wert und zählt nicht",

	"index value (weighted standardised values)": "Indexwert (gewichtete standardisierte Werte)",

	"indicator/index": "Indikator/Index",

	"indicators computed": "Indikatoren berechnet",

	"indices and rankings computed": "Indizes und Rangfolgen berechnet",

	"input %q: %.1f of column %q lies in grid cells outside every planning area and is not allocated": "Eingabe %q: %.1f der Spalte %q liegen in Gitterzellen außerhalb aller Planungsräume und werden nicht verteilt",

	"input %q: %d area(s) and year(s) have no row in %s although the table has that year for other areas; its variables are missing there: %s": "Eingabe %q: %d Kombination(en) aus Planungsraum und Jahr ohne Zeile in %s, obwohl die Tabelle das Jahr für andere Planungsräume hat; ihre Variablen fehlen dort: %s",

	"input %q: %d area(s) have no row in %s; its variables are missing there (complete: true makes this an error): %s": "Eingabe %q: %d Planungsraum/-räume ohne Zeile in %s; ihre Variablen fehlen dort (complete: true macht das zum Fehler): %s",

	"input %q: %d files read as one table: %s%s%s": "Eingabe %q: %d Dateien als eine Tabelle gelesen: %s%s%s",

	"input %q: %d grid cells allocated to planning areas by area share": "Eingabe %q: %d Gitterzellen nach Flächenanteil auf Planungsräume verteilt",

	"input %q: %d point(s) assigned to planning areas": "Eingabe %q: %d Punkt(e) Planungsräumen zugeordnet",

	"input %q: %d point(s) lie in planning areas without data in the other inputs and are not counted: %s": "Eingabe %q: %d Punkt(e) liegen in Planungsräumen ohne Daten in den anderen Eingaben und werden nicht gezählt: %s",

	"input %q: %s": "Eingabe %q: %s",

	"input %q: %s is taken as the year %s": "Eingabe %q: %s gilt als Jahr %s",

	"input %q: its rows of %d, a year of the older layer %q, have the keys of the current areas and are taken as they are": "Eingabe %q: ihre Zeilen von %d, einem Jahr der älteren Ebene %q, haben die Schlüssel der heutigen Gebiete und werden so genommen",

	"inputs read": "Eingaben gelesen",

	"item": "Merkmal",

	"local Moran": "lokales Moran",

	"local Moran and Gi*": "lokales Moran und Gi*",

	"local Moran's I, %d permutations, p < %s": "lokales Moran's I, %d Permutationen, p < %s",

	"local empirical Bayes: %d area(s) without neighbours are smoothed within themselves: %s": "lokales Empirical Bayes: %d Gebiet(e) ohne Nachbarn werden in sich selbst geglättet: %s",

	"low – high": "niedrig – hoch",

	"low – low": "niedrig – niedrig",

	"low: over 1 to 1.5": "niedrig: über 1 bis 1,5",

	"lower": "untere",

	"lower 80 %% bound": "untere 80-%%-Grenze",

	"lower bound": "untere Grenze",

	"lowest area": "niedrigster Raum",

	"maps and charts drawn": "Karten und Diagramme gezeichnet",

	"mean of planning areas = 0": "Mittel der Planungsräume = 0",

	"medium: −1 to 1": "mittel: −1 bis 1",

	"men": "Männer",

	"men (%%)": "Männer (%%)",

	"method": "Methode",

	"negative: over 1": "negativ: über 1",

	"neighbours (standardised)": "Nachbarn (standardisiert)",

	"neighbours' mean (standardised)": "Mittel der Nachbarn (standardisiert)",

	"next: planatlas run %s": "als Nächstes: planatlas run %s",

	"no clear spatial pattern": "kein deutliches räumliches Muster",

	"no clear trend": "ohne deutlichen Trend",

	"no such attribute (attributes: %s)": "kein solches Attribut (Attribute: %s)",

	"no transformation from the datum %q of %s to WGS 84 is known: positions in maps and in GeoJSON may be off by up to about 100 m (areas, lengths and neighbours are not affected); give the transformation as TOWGS84 in the .prj or as +towgs84 in a PROJ string (crs: in the plan)": "vom Datum %q von %s nach WGS 84 ist keine Transformation bekannt: Lagen in Karten und im GeoJSON können bis etwa 100 m abweichen (Flächen, Längen und Nachbarschaften sind nicht betroffen); geben Sie die Transformation als TOWGS84 in der .prj oder als +towgs84 in einem PROJ-String an (crs: im Plan)",

	"not significant": "nicht signifikant",

	"not stated": "nicht angegeben",

	"older areas %q: the data of %s (%s) are on the %d areas of %s; they were moved onto the %d current areas: %d exactly (unions of whole older areas), %d estimated (flagged \"estimated\"); the counts of split older areas are shared out %s%s%s; crosswalk.csv lists every piece": "ältere Gebiete %q: die Daten von %s (%s) liegen auf den %d Gebieten von %s; sie wurden auf die %d heutigen Gebiete umgerechnet: %d genau (Vereinigungen ganzer älterer Gebiete), %d geschätzt (Kennzeichen „geschätzt“); die Anzahlen geteilter älterer Gebiete sind verteilt %s%s%s; crosswalk.csv listet jedes Teilstück",

	"older areas %q: the indicators of %s on these %d areas, for comparing with publications on them, are in indicators-%s.csv (%d of the areas estimated)": "ältere Gebiete %q: die Indikatoren von %s auf diesen %d Gebieten, zum Vergleich mit Veröffentlichungen auf ihnen, stehen in indicators-%s.csv (%d der Gebiete geschätzt)",

	"older key": "älterer Schlüssel",

	"older layer": "ältere Ebene",

	"older name": "älterer Name",

	"output committed": "Ausgabe übernommen",

	"output folder %s is a symbolic link to %s: the results were written there": "der Ausgabeordner %s ist ein symbolischer Link auf %s: die Ergebnisse wurden dorthin geschrieben",

	"overlaps and gaps could not be checked: %s": "Überlappungen und Lücken konnten nicht geprüft werden: %s",

	"panel built": "Panel gebildet",

	"percentage points": "Prozentpunkte",

	"percentile rank (0 to 1)": "Perzentilrang (0 bis 1)",

	"piece area (m²)": "Fläche des Teilstücks (m²)",

	"planning areas with both values": "Planungsräume mit beiden Werten",

	"plausible": "plausibel",

	"points": "Punkte",

	"population projection: %d areas from %d to %d by single year of age and sex": "Bevölkerungsvorausberechnung: %d Gebiete von %d bis %d nach Einzelalter und Geschlecht",

	"population projection: %d areas from %d to %d in %d age bands, by the yearly cohort-change ratios of %d–%d drawn towards the city's": "Bevölkerungsvorausberechnung: %d Gebiete von %d bis %d in %d Altersgruppen, mit den jährlichen Kohortenquoten %d–%d, zur Stadt hin gezogen",

	"population projection: %d areas lack a band in a year of the base period and are not projected": "Bevölkerungsvorausberechnung: %d Gebieten fehlt eine Altersgruppe in einem Jahr des Stützzeitraums; sie werden nicht vorausberechnet",

	"population projection: a backtest from %d with only the data up to it misses the residents of the areas in %d by %.1f %% on average (MAPE; holding %d constant: %.1f %%, the linear trend: %.1f %%); backtest.csv has every age group, and projection.csv 80 %% intervals from these errors": "Bevölkerungsvorausberechnung: eine Rückrechnung ab %d nur mit den Daten bis dahin verfehlt die Einwohner der Gebiete %d im Mittel um %.1f %% (MAPE; %d festgehalten: %.1f %%, linearer Trend: %.1f %%); backtest.csv enthält jede Altersgruppe, projection.csv 80-%%-Intervalle aus diesen Fehlern",

	"population projection: fertility estimated from %.0f births a year in %d–%d: the city's total fertility rate %.2f, the areas' from %.2f to %.2f times the city's (drawn towards it with the weight of %g births)": "Bevölkerungsvorausberechnung: Fruchtbarkeit aus durchschnittlich %.0f Geburten je Jahr %d–%d geschätzt: zusammengefasste Geburtenziffer der Stadt %.2f, die der Gebiete das %.2f- bis %.2f-Fache davon (zur Stadt hin gezogen mit dem Gewicht von %g Geburten)",

	"population projection: in %d cells (area, year, age, sex) net migration took more residents than there were; they are 0": "Bevölkerungsvorausberechnung: in %d Zellen (Gebiet, Jahr, Alter, Geschlecht) nahm der Wanderungssaldo mehr Einwohner, als da waren; sie sind 0",

	"population projection: migration from the register's moves of %d–%d: in-moves as counts, out-moves as rates of the residents": "Bevölkerungsvorausberechnung: Wanderung aus den Zu- und Fortzügen des Registers %d–%d: Zuzüge als Anzahlen, Fortzüge als Raten der Einwohner",

	"population projection: net migration from the register's in- and out-moves of %d–%d": "Bevölkerungsvorausberechnung: Wanderungssaldo aus den Zu- und Fortzügen des Registers %d–%d",

	"population projection: net migration of %d–%d by the residual method (population less the survivors)": "Bevölkerungsvorausberechnung: Wanderungssaldo %d–%d nach der Restmethode (Bevölkerung abzüglich der Überlebenden)",

	"population projection: no backtest from %d, the register's events do not reach back to its base period: %s": "Bevölkerungsvorausberechnung: keine Rückrechnung ab %d, die Ereignisse des Registers reichen nicht bis in ihren Basiszeitraum zurück: %s",

	"population projection: no backtest, the data (%d–%d) are too short for a base period of %d years and a year after it": "Bevölkerungsvorausberechnung: keine Rückrechnung, die Daten (%d–%d) sind zu kurz für einen Stützzeitraum von %d Jahren und ein Jahr danach",

	"population projection: no backtest, the years %s are missing": "Bevölkerungsvorausberechnung: keine Rückrechnung, die Jahre %s fehlen",

	"population projection: scaled to the city's control totals of %s (factors %.3f to %.3f); the scenarios are not": "Bevölkerungsvorausberechnung: an die Eckwerte der Stadt aus %s angepasst (Faktoren %.3f bis %.3f); die Szenarien nicht",

	"population projection: the housing scenario adds %.0f planned dwellings; in %d the city would have %.0f residents more than in the base": "Bevölkerungsvorausberechnung: das Wohnungsbau-Szenario fügt %.0f geplante Wohnungen hinzu; %d hätte die Stadt %.0f Einwohner mehr als in der Basis",

	"population projection: the register's deaths of %d–%d were %.1f %% (men) and %.1f %% (women) of those the life table expects; its probabilities of dying are scaled to them": "Bevölkerungsvorausberechnung: die Gestorbenen des Registers %d–%d waren %.1f %% (Männer) und %.1f %% (Frauen) der nach der Sterbetafel erwarteten; ihre Sterbewahrscheinlichkeiten sind darauf skaliert",

	"positive: below −1": "positiv: unter −1",

	"pseudo p": "Pseudo-p",

	"publication": "Veröffentlichung",

	"quantiles below and above 0": "Quantile unter und über 0",

	"queen contiguity, tolerance %g m": "Queen-Nachbarschaft, Toleranz %g m",

	"rank %d of %d on %s": "Rang %d von %d auf %s",

	"rank 1 = most need": "Rang 1 = höchster Bedarf",

	"rank 1 = most need; in brackets: plausible ranks (90 %%)": "Rang 1 = höchster Bedarf; in Klammern: plausible Ränge (90 %%)",

	"reference values: where areas have no value, the coverage column gives the share of residents (%s) in the areas with a value": "Referenzwerte: wo Gebiete keinen Wert haben, gibt die Spalte Abdeckung den Anteil der Einwohner (%s) in den Gebieten mit Wert an",

	"relative": "relativ",

	"report written": "Bericht geschrieben",

	"report: %d profile(s) without a population pyramid: fewer than %d residents, or even 20-year groups would show counts below the disclosure threshold": "Bericht: %d Profil(e) ohne Bevölkerungspyramide: weniger als %d Einwohner, oder selbst 20-Jahres-Gruppen zeigten Fallzahlen unter der Geheimhaltungsschwelle",

	"report: no area profiles for %d areas (more than %d); outputs: profiles: true writes them": "Bericht: keine Gebietsprofile für %d Gebiete (mehr als %d); outputs: profiles: true schreibt sie",

	"residents": "Einwohner",

	"residents (projected)": "Einwohner (vorausberechnet)",

	"respondents": "Befragte",

	"rising": "steigend",

	"rook contiguity, tolerance %g m": "Rook-Nachbarschaft, Toleranz %g m",

	"scenario": "Szenario",

	"score (weighted exponential ranks)": "Punktwert (gewichtete exponentielle Ränge)",

	"sex": "Geschlecht",

	"share of the older area's area": "Anteil an der Fläche des älteren Gebiets",

	"share of the older area's counts": "Anteil an den Anzahlen des älteren Gebiets",

	"similar values lie together": "ähnliche Werte liegen beieinander",

	"spatial %s: %d area(s) have every other area as neighbour, with equal weights (%s): conditional permutation only reorders the same values, so their statistic cannot vary; pseudo p = 1, z undefined: %s": "Räumliche Statistik %s: %d Gebiet(e) haben jedes andere Gebiet als Nachbarn, mit gleichen Gewichten (%s): die bedingte Permutation ordnet nur dieselben Werte neu, ihre Statistik kann daher nicht variieren; Pseudo-p = 1, z nicht definiert: %s",

	"spatial %s: %d area(s) take no part: %s": "Räumliche Statistik %s: %d Gebiet(e) nehmen nicht teil: %s",

	"spatial %s: Moran's I %.4f (z %s, permutation p %.4f, n %d); clusters HH %d, LL %d, HL %d, LH %d": "Räumliche Statistik %s: Moran's I %.4f (z %s, Permutations-p %.4f, n %d); Cluster HH %d, LL %d, HL %d, LH %d",

	"spatial %s: every area has every other area as neighbour, with equal weights (all %d areas): no spatial statistic can vary, every pseudo p is 1 and every z undefined; choose weights that do not reach across the whole city": "Räumliche Statistik %s: jedes Gebiet hat jedes andere Gebiet als Nachbarn, mit gleichen Gewichten (alle %d Gebiete): keine räumliche Statistik kann variieren, jedes Pseudo-p ist 1 und jedes z nicht definiert; Gewichte wählen, die nicht über die ganze Stadt reichen",

	"spatial statistics computed": "Räumliche Statistik berechnet",

	"spatial weights: %d area(s) without neighbours (islands), kept with empty rows: %s": "räumliche Gewichte: %d Gebiet(e) ohne Nachbarn (Inseln), mit leeren Zeilen behalten: %s",

	"spatial weights: %s": "räumliche Gewichte: %s",

	"spatial weights: the areas fall into %d parts with no neighbours between them: %s": "räumliche Gewichte: die Gebiete zerfallen in %d Teile ohne Nachbarn zwischen ihnen: %s",

	"stable: −1 to 1": "stabil: −1 bis 1",

	"standard error": "Standardfehler",

	"status index (official classes)": "Statusindex (amtliche Klassen)",

	"sum of principal component scores": "Summe der Hauptkomponentenwerte",

	"survey": "Befragung",

	"survey %q: %d respondents in %d of %d planning areas (%d to %d each); of the areas' estimates of its %d items %d published, %d of limited reliability, %d not published (survey.csv says why)": "Befragung %q: %d Befragte in %d von %d Planungsräumen (je %d bis %d); von den Schätzwerten der Gebiete für ihre %d Merkmale %d veröffentlicht, %d mit eingeschränktem Aussagewert, %d nicht veröffentlicht (survey.csv nennt den Grund)",

	"survey %q: %d respondents, weights post-stratified to the register (groups: %d)": "Befragung %q: %d Befragte, Gewichte an das Register nachgeschichtet (Gruppen: %d)",

	"survey %q: %d respondents, weights raked to the register (margins: %d, iterations: %d)": "Befragung %q: %d Befragte, Gewichte an das Register angepasst (Randsummen: %d, Iterationen: %d)",

	"survey %q: %d weights outside %g to %g times the mean weight trimmed to those bounds; what was cut off is shared among the others": "Befragung %q: %d Gewichte außerhalb des %g- bis %g-Fachen des mittleren Gewichts auf diese Grenzen gekappt; das Abgeschnittene ist auf die übrigen verteilt",

	"survey %q: item %q: %d areas lack a covariate (or, in the spatial model, a direct estimate with a variance) and keep their direct estimates": "Befragung %q: Merkmal %q: %d Gebieten fehlt eine Kovariate (oder, im räumlichen Modell, ein direkter Schätzwert mit Varianz); sie behalten ihre direkten Schätzwerte",

	"survey %q: raking did not converge in %d iterations; the weights of the last are used": "Befragung %q: die Randsummenanpassung konvergierte nicht in %d Iterationen; die Gewichte der letzten werden verwendet",

	"tables and geodata written": "Tabellen und Geodaten geschrieben",

	"tables.xlsx: %s left out, %d rows are more than a worksheet holds (%d); it is in the other table formats": "tables.xlsx: %s weggelassen, %d Zeilen sind mehr, als ein Arbeitsblatt fasst (%d); die Tabelle steht in den anderen Tabellenformaten",

	"the MSS's official classes": "amtliche Klassen des MSS",

	"the area key is empty": "der Gebietsschlüssel ist leer",

	"the areas are given in %s and span more than a UTM zone; lengths, distances and neighbours are measured in an equal-area projection centred on them (Lambert azimuthal, %s)": "die Gebiete liegen in %s vor und reichen über mehr als eine UTM-Zone; Längen, Abstände und Nachbarschaften werden in einer flächentreuen Projektion mit ihrer Mitte als Zentrum gemessen (Lambert azimutal, %s)",

	"the areas are given in %s; lengths, distances and neighbours are measured in %s, the UTM zone where they lie": "die Gebiete liegen in %s vor; Längen, Abstände und Nachbarschaften werden in %s gemessen, der UTM-Zone, in der sie liegen",

	"the feature has no geometry": "das Objekt hat keine Geometrie",

	"the file declares %s, but %s is given and used; the file's cannot place the areas at all": "die Datei nennt %s, angegeben und verwendet ist aber %s; mit dem der Datei lassen sich die Gebiete gar nicht verorten",

	"the file declares %s, but %s is given and used; the two place the areas up to %d m apart": "die Datei nennt %s, angegeben und verwendet ist aber %s; beide verorten die Gebiete bis zu %d m verschieden",

	"the file has no usable features": "die Datei hat keine verwendbaren Objekte",

	"the file's own CRS description is not used (%v); the given %s is": "die Beschreibung des Bezugssystems in der Datei wird nicht verwendet (%v); es gilt das angegebene %s",

	"the key is used by feature %s too; every planning area needs its own key (or merge the parts: duplicates: merge)": "den Schlüssel hat auch Objekt %s; jeder Planungsraum braucht einen eigenen Schlüssel (oder die Teile zusammenführen: duplicates: merge)",

	"the polygon has no area: all its points lie on one line": "das Polygon hat keine Fläche: alle seine Punkte liegen auf einer Linie",

	"the shapefile has no .cpg file, so its attributes were read as Latin-1, but they look like UTF-8: add a .cpg file containing UTF-8": "das Shapefile hat keine .cpg-Datei, seine Attribute wurden daher als Latin-1 gelesen, sehen aber wie UTF-8 aus: eine .cpg-Datei mit dem Inhalt UTF-8 hinzufügen",

	"trends computed": "Trends berechnet",

	"undefined": "nicht definiert",

	"upper": "obere",

	"upper 80 %% bound": "obere 80-%%-Grenze",

	"upper bound": "obere Grenze",

	"value (standardised)": "Wert (standardisiert)",

	"value – neighbours": "Wert – Nachbarn",

	"values": "Werte",

	"values %s": "Werte %s",

	"variable %q: its formula %q is not only a sum of columns, so disclosure control does not know how it relates to the variables of its columns; it hides its small values, but check that no hidden count can be recomputed from it and the others (or write count: false if it is not a count)": "Variable %q: ihre Formel %q ist nicht nur eine Summe von Spalten, daher kennt die Geheimhaltung ihren Zusammenhang mit den Variablen ihrer Spalten nicht; kleine Werte werden verborgen, aber prüfen Sie, dass keine verborgene Fallzahl aus ihr und den anderen berechnet werden kann (oder schreiben Sie count: false, wenn sie keine Fallzahl ist)",

	"variable(s) %s: no value where the source writes a declared missing-value code (missing:); %s": "Variable(n) %s: kein Wert, wo die Quelle einen erklärten Code für fehlende Werte schreibt (missing:); %s",

	"very low: over 1.5": "sehr niedrig: über 1,5",

	"weights file %s": "Gewichte aus %s",

	"weights.gal and weights.gwt are not written: the area key %q contains white space, which these formats cannot carry": "weights.gal und weights.gwt werden nicht geschrieben: der Gebietsschlüssel %q enthält Leerraum, den diese Formate nicht tragen können",

	"women": "Frauen",

	"women (%%)": "Frauen (%%)",

	"years after %d": "Jahre nach %d",
}
