package geo

import (
	"strings"
	"testing"
)

func TestCRSFromWKT(t *testing.T) {
	tests := []struct {
		name, wkt string
		want      CRS
		err       string
	}{
		{"ESRI UTM 33 (Berlin's .prj)", `PROJCS["ETRS_1989_UTM_Zone_33N",GEOGCS["GCS_ETRS_1989",DATUM["D_ETRS_1989",SPHEROID["GRS_1980",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",15.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]`, UTM33, ""},
		{"OGC with authority", `PROJCS["ETRS89 / UTM zone 32N",GEOGCS["ETRS89",DATUM["European_Terrestrial_Reference_System_1989",SPHEROID["GRS 1980",6378137,298.257222101,AUTHORITY["EPSG","7019"]]],AUTHORITY["EPSG","4258"]],PROJECTION["Transverse_Mercator"],PARAMETER["central_meridian",9],UNIT["metre",1],AUTHORITY["EPSG","25832"]]`, UTM32, ""},
		{"WKT2", `PROJCRS["ETRS89 / UTM zone 33N",BASEGEOGCRS["ETRS89",ID["EPSG",4258]],CONVERSION["UTM zone 33N",METHOD["Transverse Mercator",ID["EPSG",9807]]],CS[Cartesian,2],AXIS["(E)",east],ID["EPSG",25833]]`, UTM33, ""},
		{"ESRI Gauss-Krüger 4", `PROJCS["DHDN_3_Degree_Gauss_Zone_4",GEOGCS["GCS_Deutsches_Hauptdreiecksnetz",DATUM["D_Deutsches_Hauptdreiecksnetz",SPHEROID["Bessel_1841",6377397.155,299.1528128]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",4500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",12.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]`, mustEPSG(31468), ""},
		{"Gauss-Krüger by parameters", `PROJCS["Lokales System",GEOGCS["DHDN",DATUM["DHDN",SPHEROID["Bessel 1841",6377397.155,299.1528128]]],PROJECTION["Transverse_Mercator"],PARAMETER["central_meridian",9],PARAMETER["scale_factor",1],PARAMETER["false_easting",3500000],UNIT["metre",1]]`, mustEPSG(31467), ""},
		{"UTM by parameters", `PROJCS["Mein UTM",GEOGCS["x",DATUM["x",SPHEROID["GRS 1980",6378137,298.257222101]]],PROJECTION["Transverse_Mercator"],PARAMETER["central_meridian",15],PARAMETER["scale_factor",0.9996],PARAMETER["false_easting",500000],UNIT["metre",1]]`, UTM33, ""},
		{"ESRI WGS84", `GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]`, WGS84, ""},
		{"ESRI LAEA", `PROJCS["ETRS_1989_LAEA",GEOGCS["GCS_ETRS_1989",DATUM["D_ETRS_1989",SPHEROID["GRS_1980",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Lambert_Azimuthal_Equal_Area"],PARAMETER["False_Easting",4321000.0],PARAMETER["False_Northing",3210000.0],PARAMETER["Central_Meridian",10.0],PARAMETER["Latitude_Of_Origin",52.0],UNIT["Meter",1.0]]`, LAEAEurope, ""},
		{"Web Mercator", `PROJCS["WGS_1984_Web_Mercator_Auxiliary_Sphere",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Mercator_Auxiliary_Sphere"],PARAMETER["False_Easting",0.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",0.0],PARAMETER["Standard_Parallel_1",0.0],PARAMETER["Auxiliary_Sphere_Type",0.0],UNIT["Meter",1.0]]`, mustEPSG(3857), ""},
		{"Soldner Berlin", `PROJCS["DHDN_Soldner_Berlin",GEOGCS["GCS_Deutsches_Hauptdreiecksnetz",DATUM["D_Deutsches_Hauptdreiecksnetz",SPHEROID["Bessel_1841",6377397.155,299.1528128]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Cassini"],PARAMETER["False_Easting",40000.0],PARAMETER["False_Northing",10000.0],PARAMETER["Central_Meridian",13.6272036666667],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",52.4186482777778],UNIT["Meter",1.0]]`, mustEPSG(3068), ""},
		{"Soldner by parameters (GDAL's name)", `PROJCS["Soldner lokal",GEOGCS["DHDN",DATUM["Deutsches_Hauptdreiecksnetz",SPHEROID["Bessel 1841",6377397.155,299.1528128]]],PROJECTION["Cassini_Soldner"],PARAMETER["latitude_of_origin",52.4186482777778],PARAMETER["central_meridian",13.6272036666667],PARAMETER["false_easting",40000],PARAMETER["false_northing",10000],UNIT["metre",1]]`, mustEPSG(3068), ""},
		{"ESRI Robinson", `PROJCS["World_Robinson",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Robinson"],PARAMETER["False_Easting",0.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",0.0],UNIT["Meter",1.0]]`, Unknown, `the projection method "Robinson" is not one planatlas computes`},
		{"broken", `PROJCS["x",GEOGCS["y"`, Unknown, "cannot be read"},
	}
	for _, tc := range tests {
		got, err := CRSFromWKT(tc.wkt)
		if got != tc.want || (tc.err == "") != (err == nil) || err != nil && !strings.Contains(err.Error(), tc.err) {
			t.Errorf("%s: %v, %v; want %v, %q", tc.name, got, err, tc.want, tc.err)
		}
	}
}

// A datum without any known transformation is taken as WGS84 with a
// warning; one with TOWGS84 uses it; an EPSG datum names EPSG's
// transformation.
func TestDatumNotes(t *testing.T) {
	tests := []struct{ name, wkt, want string }{
		{"unknown datum", `GEOGCS["Lokal",DATUM["Mein_Datum",SPHEROID["Bessel 1841",6377397.155,299.1528128]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]]`,
			`no transformation from the datum "Mein_Datum" of "Lokal" to WGS 84 is known: positions in maps and in GeoJSON may be off by up to about 100 m`},
		{"TOWGS84", `GEOGCS["Lokal",DATUM["Mein_Datum",SPHEROID["Bessel 1841",6377397.155,299.1528128],TOWGS84[598.1,73.7,418.2,0.202,0.045,-2.455,6.7]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]]`,
			`coordinates of "Lokal" are shifted to WGS 84 by the Helmert parameters the definition gives`},
		{"NAD27", `GEOGCS["GCS_North_American_1927",DATUM["D_North_American_1927",SPHEROID["Clarke_1866",6378206.4,294.9786982]],PRIMEM["Greenwich",0],UNIT["Degree",0.017453292519943295]]`,
			`coordinates of EPSG:4267 are shifted to WGS 84 by EPSG:1173 (NAD27 to WGS 84 (4)), accurate to 10 m as EPSG states`},
		{"ETRS89", `GEOGCS["GCS_ETRS_1989",DATUM["D_ETRS_1989",SPHEROID["GRS_1980",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]`, ""},
	}
	for _, tc := range tests {
		c, err := CRSFromWKT(tc.wkt)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		c = c.ForExtent(-80, 35, -78, 36) // North Carolina, for NAD27
		got := c.DatumNote()
		if got.Format == "" && tc.want != "" || got.Format != "" && !strings.Contains(got.String(), tc.want) || tc.want == "" && got.Format != "" {
			t.Errorf("%s: note %q, want %q", tc.name, got.String(), tc.want)
		}
	}
}

// ETRS89 / UTM eastings with the zone in front are recognised and the
// CRS that fits is named.
func TestZoneInFrontOfEasting(t *testing.T) {
	m := checkCoordinates(UTM33, 33391776, 5820073)
	if want := "easting 33391776 carries the zone number 33 in front of the easting"; !strings.Contains(m.String(), want) {
		t.Errorf("%q, want %q", m.String(), want)
	}
	if m := checkCoordinates(mustEPSG(5650), 33391776, 5820073); m.Format != "" {
		t.Errorf("EPSG:5650: %q", m.String())
	}
}

// Whatever a .prj holds, reading it gives a CRS or an error: never a
// panic, a hang or a stack overflow (brackets nested millions deep
// overflowed the stack before the depth limit).
func FuzzCRSFromWKT(f *testing.F) {
	for _, s := range []string{
		`PROJCS["ETRS_1989_UTM_Zone_33N",GEOGCS["GCS_ETRS_1989",DATUM["D_ETRS_1989",SPHEROID["GRS_1980",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["Central_Meridian",15.0],PARAMETER["Scale_Factor",0.9996],UNIT["Meter",1.0]]`,
		`GEOGCS["x",DATUM["y",SPHEROID["z",6378137,0]],TOWGS84[1,2,3,4,5,6,7]]`,
		`BOUNDCRS[SOURCECRS[GEOGCRS["a",DATUM["b",ELLIPSOID["c",6378206.4,294.98]]]],ABRIDGEDTRANSFORMATION["t",PARAMETER["X-axis translation",-8]]]`,
		strings.Repeat("A[", 100) + strings.Repeat("]", 100),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := CRSFromWKT(s)
		if err == nil && c == Unknown {
			t.Errorf("%q: no error and no CRS", s)
		}
	})
}

func TestWKTTooDeep(t *testing.T) {
	s := "PROJCS" + strings.Repeat("[A", 1_000_000) + strings.Repeat("]", 1_000_000)
	if _, err := CRSFromWKT(s); err == nil || !strings.Contains(err.Error(), "nests more than 64 deep") {
		t.Errorf("a million brackets deep: %v", err)
	}
}
