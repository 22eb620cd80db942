package geo

// The named ellipsoids, datums, units and prime meridians of PROJ
// strings, with PROJ 9's values (proj -le, proj -lu, and PROJ's datum and
// prime meridian lists).

// projEllipsoid is an ellipsoid as PROJ lists it: a and either the
// reciprocal flattening rf or the semi-minor axis b.
type projEllipsoid struct{ a, rf, b float64 }

func (e projEllipsoid) ellipsoid() Ellipsoid {
	if e.rf != 0 {
		return Ellipsoid{A: e.a, F: 1 / e.rf}
	}
	return Ellipsoid{A: e.a, F: 1 - e.b/e.a}
}

var projEllipsoids = map[string]projEllipsoid{
	"MERIT":     {a: 6378137, rf: 298.257},
	"SGS85":     {a: 6378136, rf: 298.257},
	"GRS80":     {a: 6378137, rf: 298.257222101},
	"IAU76":     {a: 6378140, rf: 298.257},
	"airy":      {a: 6377563.396, rf: 299.3249646},
	"APL4.9":    {a: 6378137, rf: 298.25},
	"NWL9D":     {a: 6378145, rf: 298.25},
	"mod_airy":  {a: 6377340.189, b: 6356034.446},
	"andrae":    {a: 6377104.43, rf: 300},
	"danish":    {a: 6377019.2563, rf: 300},
	"aust_SA":   {a: 6378160, rf: 298.25},
	"GRS67":     {a: 6378160, rf: 298.2471674270},
	"GSK2011":   {a: 6378136.5, rf: 298.2564151},
	"bessel":    {a: 6377397.155, rf: 299.1528128},
	"bess_nam":  {a: 6377483.865, rf: 299.1528128},
	"clrk66":    {a: 6378206.4, b: 6356583.8},
	"clrk80":    {a: 6378249.145, rf: 293.4663},
	"clrk80ign": {a: 6378249.2, rf: 293.4660212936269},
	"CPM":       {a: 6375738.7, rf: 334.29},
	"delmbr":    {a: 6376428, rf: 311.5},
	"engelis":   {a: 6378136.05, rf: 298.2566},
	"evrst30":   {a: 6377276.345, rf: 300.8017},
	"evrst48":   {a: 6377304.063, rf: 300.8017},
	"evrst56":   {a: 6377301.243, rf: 300.8017},
	"evrst69":   {a: 6377295.664, rf: 300.8017},
	"evrstSS":   {a: 6377298.556, rf: 300.8017},
	"fschr60":   {a: 6378166, rf: 298.3},
	"fschr60m":  {a: 6378155, rf: 298.3},
	"fschr68":   {a: 6378150, rf: 298.3},
	"helmert":   {a: 6378200, rf: 298.3},
	"hough":     {a: 6378270, rf: 297},
	"intl":      {a: 6378388, rf: 297},
	"krass":     {a: 6378245, rf: 298.3},
	"kaula":     {a: 6378163, rf: 298.24},
	"lerch":     {a: 6378139, rf: 298.257},
	"mprts":     {a: 6397300, rf: 191},
	"new_intl":  {a: 6378157.5, b: 6356772.2},
	"plessis":   {a: 6376523, b: 6355863},
	"PZ90":      {a: 6378136, rf: 298.25784},
	"SEasia":    {a: 6378155, b: 6356773.3205},
	"walbeck":   {a: 6376896, b: 6355834.8467},
	"WGS60":     {a: 6378165, rf: 298.3},
	"WGS66":     {a: 6378145, rf: 298.25},
	"WGS72":     {a: 6378135, rf: 298.26},
	"WGS84":     {a: 6378137, rf: 298.257223563},
	"sphere":    {a: 6370997, b: 6370997},
}

// projDatum is a datum PROJ knows by name: its ellipsoid, and whether it
// equals WGS84 to within a metre (NAD83, as PROJ treats it).
type projDatum struct {
	ellps     string
	likeWGS84 bool
}

var projDatums = map[string]projDatum{
	"WGS84":         {"WGS84", true},
	"NAD83":         {"GRS80", true},
	"GGRS87":        {"GRS80", false},
	"NAD27":         {"clrk66", false},
	"potsdam":       {"bessel", false},
	"carthage":      {"clrk80ign", false},
	"hermannskogel": {"bessel", false},
	"ire65":         {"mod_airy", false},
	"nzgd49":        {"intl", false},
	"OSGB36":        {"airy", false},
}

// projUnits are the lengths of PROJ's +units in metres.
var projUnits = map[string]float64{
	"mm":     0.001,
	"cm":     0.01,
	"dm":     0.1,
	"m":      1,
	"km":     1000,
	"ft":     0.3048,
	"us-ft":  1200.0 / 3937,
	"fath":   1.8288,
	"kmi":    1852,
	"us-ch":  79200.0 / 3937,
	"us-mi":  6336000.0 / 3937,
	"ind-ft": 0.30479841,
	"ind-yd": 0.91439523,
	"ind-ch": 20.11669506,
	"mi":     1609.344,
	"yd":     0.9144,
	"ch":     20.1168,
	"link":   0.201168,
	"in":     0.0254,
	"us-in":  100.0 / 3937,
	"us-yd":  3600.0 / 3937,
}

// projPrimeMeridians are PROJ's named prime meridians, in degrees east
// of Greenwich.
var projPrimeMeridians = map[string]float64{
	"greenwich":  0,
	"lisbon":     -(9 + 7.0/60 + 54.862/3600),
	"paris":      2 + 20.0/60 + 14.025/3600,
	"bogota":     -(74 + 4.0/60 + 51.3/3600),
	"madrid":     -(3 + 41.0/60 + 16.58/3600),
	"rome":       12 + 27.0/60 + 8.4/3600,
	"bern":       7 + 26.0/60 + 22.5/3600,
	"jakarta":    106 + 48.0/60 + 27.79/3600,
	"ferro":      -(17 + 40.0/60),
	"brussels":   4 + 22.0/60 + 4.71/3600,
	"stockholm":  18 + 3.0/60 + 29.8/3600,
	"athens":     23 + 42.0/60 + 58.815/3600,
	"oslo":       10 + 43.0/60 + 22.5/3600,
	"copenhagen": 12 + 34.0/60 + 40.35/3600,
}
