package store

import "context"

// Ratings returns every saved skill self-rating, by skill id.
func (s *Store) Ratings(ctx context.Context) (map[string]int, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT skill_id, rating FROM skill_ratings`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var id string
		var r int
		if err := rows.Scan(&id, &r); err != nil {
			return nil, err
		}
		out[id] = r
	}
	return out, rows.Err()
}

// SetRating saves the self-rating for a skill; 0 removes it.
func (s *Store) SetRating(ctx context.Context, skillID string, rating int) error {
	if rating == 0 {
		_, err := s.db.ExecContext(ctx, `DELETE FROM skill_ratings WHERE skill_id = ?`, skillID)
		return err
	}
	_, err := s.db.ExecContext(ctx, `
		INSERT INTO skill_ratings (skill_id, rating) VALUES (?, ?)
		ON CONFLICT (skill_id) DO UPDATE SET rating = excluded.rating,
			updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`, skillID, rating)
	return err
}
