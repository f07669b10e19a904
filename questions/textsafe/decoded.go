package textsafe

import "reflect"

// CleanDecoded cleans, in place, every string reachable from v (a pointer
// to a struct, slice, map or string), map keys included. Decoding JSON or
// YAML turns escapes such as "\u001b" or "\e" back into the raw bytes a
// cleaning of the encoded text never saw, so every decode of outside data
// calls this on its result.
func CleanDecoded(v any) {
	cleanValue(reflect.ValueOf(v))
}

func cleanValue(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			e := v.Elem()
			if v.Kind() == reflect.Interface && e.Kind() == reflect.String {
				if v.CanSet() {
					v.Set(reflect.ValueOf(Clean(e.String())).Convert(e.Type()))
				}
				return
			}
			cleanValue(e)
		}
	case reflect.String:
		if v.CanSet() {
			v.SetString(Clean(v.String()))
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				cleanValue(v.Field(i))
			}
		}
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.Uint8 {
			return // bytes ([]byte, json.RawMessage) are decoded, and cleaned, later
		}
		for i := 0; i < v.Len(); i++ {
			cleanValue(v.Index(i))
		}
	case reflect.Map:
		cleanMap(v)
	}
}

// cleanMap rebuilds the entries whose key or value changes: map elements
// cannot be set in place.
func cleanMap(v reflect.Value) {
	if v.IsNil() {
		return
	}
	for _, k := range v.MapKeys() {
		nk := reflect.New(k.Type()).Elem()
		nk.Set(k)
		cleanValue(nk)
		nv := reflect.New(v.Type().Elem()).Elem()
		nv.Set(v.MapIndex(k))
		cleanValue(nv)
		if !nk.Equal(k) {
			v.SetMapIndex(k, reflect.Value{})
		}
		v.SetMapIndex(nk, nv)
	}
}
